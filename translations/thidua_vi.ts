<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About</source>
      <translation>Giới thiệu</translation>
    </message>
    <message>
      <source>Emulation manager {version}</source>
      <translation>Quản lý phong trào thi đua {version}</translation>
    </message>
    <message>
      <source>Runs the yearly emulation movement of a grassroots trade union: plan, roster, registration, initiatives, reports.</source>
      <translation>Tổ chức phong trào thi đua hằng năm của công đoàn cơ sở: kế hoạch, danh sách đoàn viên, đăng ký thi đua, sáng kiến, báo cáo.</translation>
    </message>
    <message>
      <source>Open the folder</source>
      <translation>Mở thư mục</translation>
    </message>
    <message>
      <source>Python {python}, Qt {qt} (PySide6 {pyside})</source>
      <translation>Python {python}, Qt {qt} (PySide6 {pyside})</translation>
    </message>
    <message>
      <source>{licence} — free to use, copy and change. {copyright}</source>
      <translation>{licence} — được tự do dùng, sao chép và sửa đổi. {copyright}</translation>
    </message>
    <message>
      <source>Read the licence</source>
      <translation>Đọc giấy phép</translation>
    </message>
    <message>
      <source>Data folder:</source>
      <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
      <source>Runs on:</source>
      <translation>Chạy trên:</translation>
    </message>
    <message>
      <source>Licence:</source>
      <translation>Giấy phép:</translation>
    </message>
    <message>
      <source>Component</source>
      <translation>Thành phần</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Phiên bản</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Giấy phép</translation>
    </message>
    <message>
      <source>Used for</source>
      <translation>Dùng để</translation>
    </message>
    <message>
      <source>Bundled fonts and libraries</source>
      <translation>Phông chữ và thư viện đi kèm</translation>
    </message>
    <message>
      <source>Licence texts</source>
      <translation>Toàn văn giấy phép</translation>
    </message>
    <message>
      <source>Licences of the components</source>
      <translation>Giấy phép của các thành phần</translation>
    </message>
    <message>
      <source>Bundled fonts and libraries, with their licences:</source>
      <translation>Phông chữ và thư viện đi kèm chương trình, cùng giấy phép của chúng:</translation>
    </message>
    <message>
      <source>Qt 6 user interface</source>
      <translation>giao diện Qt 6</translation>
    </message>
    <message>
      <source>database</source>
      <translation>cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>database upgrades</source>
      <translation>nâng cấp cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>reading fonts and hidden rows of Excel files</source>
      <translation>đọc phông chữ và dòng ẩn của tệp Excel</translation>
    </message>
    <message>
      <source>PDF documents</source>
      <translation>văn bản PDF</translation>
    </message>
    <message>
      <source>the per-user data folder</source>
      <translation>thư mục dữ liệu của người dùng</translation>
    </message>
    <message>
      <source>reading spreadsheets</source>
      <translation>đọc bảng tính</translation>
    </message>
    <message>
      <source>reading old .xls files</source>
      <translation>đọc tệp .xls cũ</translation>
    </message>
    <message>
      <source>writing Excel workbooks</source>
      <translation>ghi sổ tính Excel</translation>
    </message>
    <message>
      <source>PDF digital signatures</source>
      <translation>ký số tệp PDF</translation>
    </message>
    <message>
      <source>USB tokens (PKCS#11)</source>
      <translation>USB token (PKCS#11)</translation>
    </message>
    <message>
      <source>keys and certificates</source>
      <translation>khóa và chứng thư số</translation>
    </message>
    <message>
      <source>faster PDF writing</source>
      <translation>tăng tốc ghi PDF</translation>
    </message>
    <message>
      <source>print preview</source>
      <translation>xem trước khi in</translation>
    </message>
    <message>
      <source>the programming language</source>
      <translation>ngôn ngữ lập trình</translation>
    </message>
    <message>
      <source>font of the documents and signatures</source>
      <translation>phông chữ của văn bản và chữ ký</translation>
    </message>
    <message>
      <source>Licence of the program</source>
      <translation>Giấy phép của chương trình</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>The program is already running with the data folder {folder}.</source>
      <translation>Chương trình đang chạy với thư mục dữ liệu {folder}.</translation>
    </message>
  </context>
  <context>
    <name>CandidatesModel</name>
    <message>
      <source>Author</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Đối tượng</translation>
    </message>
    <message>
      <source>This year (by share)</source>
      <translation>Năm nay (theo tỷ lệ)</translation>
    </message>
    <message>
      <source>Three years (by share)</source>
      <translation>Ba năm (theo tỷ lệ)</translation>
    </message>
    <message>
      <source>Threshold reached</source>
      <translation>Ngưỡng đạt</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Initiatives</source>
      <translation>Sáng kiến</translation>
    </message>
  </context>
  <context>
    <name>CollectiveForm</name>
    <message>
      <source>Movements joined</source>
      <translation>Phong trào tham gia</translation>
    </message>
    <message>
      <source>Collective titles registered</source>
      <translation>Danh hiệu tập thể đăng ký</translation>
    </message>
    <message>
      <source>The union's own emulation content required by the plan, e.g. Mỗi tổ một sáng kiến an toàn</source>
      <translation>Nội dung thi đua riêng của đơn vị theo yêu cầu của kế hoạch, ví dụ: Mỗi tổ một sáng kiến an toàn</translation>
    </message>
    <message>
      <source>Other commitments of the union (optional)</source>
      <translation>Các cam kết khác của công đoàn (không bắt buộc)</translation>
    </message>
    <message>
      <source>Save the collective registration</source>
      <translation>Lưu đăng ký tập thể</translation>
    </message>
    <message>
      <source>Registered on</source>
      <translation>Ngày đăng ký</translation>
    </message>
    <message>
      <source>Signature emulation content *</source>
      <translation>Nội dung thi đua đặc thù *</translation>
    </message>
    <message>
      <source>Other commitments</source>
      <translation>Cam kết khác</translation>
    </message>
    <message>
      <source>Registered figures</source>
      <translation>Số đăng ký theo chỉ tiêu</translation>
    </message>
    <message>
      <source>Grey italic figures are suggested from the plan and are registered when you press Save. Double-click a figure to change it; tick the yes/no indicators.</source>
      <translation>Số in nghiêng màu xám là số gợi ý theo kế hoạch, được ghi nhận khi bấm Lưu. Nhấp đúp vào một số để sửa; đánh dấu các chỉ tiêu có/không.</translation>
    </message>
    <message>
      <source>Emulation titles</source>
      <translation>Danh hiệu thi đua</translation>
    </message>
    <message>
      <source>Commendations</source>
      <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
      <source>Registered earlier but not applicable to the unit ({scope}), kept and not printed: {items}.</source>
      <translation>Đã đăng ký trước đây nhưng không áp dụng cho đơn vị ({scope}); vẫn lưu, không in: {items}.</translation>
    </message>
    <message>
      <source>Movements joined ({count}/{total})</source>
      <translation>Phong trào tham gia ({count}/{total})</translation>
    </message>
    <message>
      <source>Changes not saved yet.</source>
      <translation>Có thay đổi chưa lưu.</translation>
    </message>
    <message>
      <source>Saved; registered on {date}.</source>
      <translation>Đã lưu; ngày đăng ký {date}.</translation>
    </message>
    <message>
      <source>The collective registration has not been saved yet.</source>
      <translation>Đăng ký tập thể chưa được lưu.</translation>
    </message>
    <message>
      <source>The collective registration of {year} has been saved.</source>
      <translation>Đã lưu đăng ký thi đua tập thể năm {year}.</translation>
    </message>
    <message>
      <source>Not saved:</source>
      <translation>Chưa lưu được:</translation>
    </message>
  </context>
  <context>
    <name>ColumnMapping</name>
    <message>
      <source>— not imported —</source>
      <translation>— không nhập —</translation>
    </message>
    <message>
      <source>Column {column}</source>
      <translation>Cột {column}</translation>
    </message>
  </context>
  <context>
    <name>ConfirmCertificateDialog</name>
    <message>
      <source>Trust a certificate</source>
      <translation>Tin cậy một chứng thư số</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Holder</source>
      <translation>Người/đơn vị sở hữu</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>Cấp bởi</translation>
    </message>
    <message>
      <source>itself (self-signed)</source>
      <translation>chính nó (tự ký)</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Hiệu lực</translation>
    </message>
    <message>
      <source>from {start} to {end}</source>
      <translation>từ {start} đến {end}</translation>
    </message>
    <message>
      <source>Fingerprint (SHA-256)</source>
      <translation>Dấu vân tay (SHA-256)</translation>
    </message>
    <message>
      <source>Name in the list</source>
      <translation>Tên trong danh sách</translation>
    </message>
    <message>
      <source>The fingerprints match: trust it</source>
      <translation>Dấu vân tay khớp: tin cậy</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Before trusting it, call the certificate's holder and have them read out the fingerprint of their certificate: every group of characters must match the one above. A certificate that came by email alone could have been swapped on the way.</source>
      <translation>Trước khi tin cậy, hãy gọi điện cho người sở hữu chứng thư số và nhờ họ đọc dấu vân tay chứng thư của họ: mọi nhóm ký tự phải khớp với dấu vân tay ở trên. Chứng thư chỉ nhận qua email có thể đã bị tráo trên đường gửi.</translation>
    </message>
  </context>
  <context>
    <name>ConfirmPage</name>
    <message>
      <source>Check and finish</source>
      <translation>Xác nhận</translation>
    </message>
    <message>
      <source>Press Finish to save. Everything can be changed later.</source>
      <translation>Bấm Hoàn tất để lưu. Mọi thông tin đều sửa lại được sau này.</translation>
    </message>
    <message>
      <source>Grassroots union</source>
      <translation>Công đoàn cơ sở</translation>
    </message>
    <message>
      <source>Issuer code</source>
      <translation>Ký hiệu cơ quan ban hành</translation>
    </message>
    <message>
      <source>Direct upper union</source>
      <translation>Công đoàn cấp trên trực tiếp</translation>
    </message>
    <message>
      <source>Upper union (line above)</source>
      <translation>Công đoàn cấp trên (dòng trên)</translation>
    </message>
    <message>
      <source>Place name</source>
      <translation>Địa danh</translation>
    </message>
    <message>
      <source>Employer</source>
      <translation>Cơ quan, doanh nghiệp</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Khu vực</translation>
    </message>
    <message>
      <source>Kind of unit</source>
      <translation>Loại hình đơn vị</translation>
    </message>
    <message>
      <source>Reports go to</source>
      <translation>Nơi nhận báo cáo</translation>
    </message>
    <message>
      <source>Upper union's email</source>
      <translation>Email công đoàn cấp trên</translation>
    </message>
    <message>
      <source>Union's email</source>
      <translation>Email công đoàn cơ sở</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>Chủ tịch</translation>
    </message>
    <message>
      <source>Deputy chairs</source>
      <translation>Phó chủ tịch</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Kế hoạch</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Upper-level union</source>
      <translation>Công đoàn cấp trên</translation>
    </message>
    <message>
      <source>yes: takes in the reports of its grassroots unions</source>
      <translation>có: nhận và tổng hợp báo cáo của các công đoàn cơ sở</translation>
    </message>
    <message>
      <source>no: a grassroots union</source>
      <translation>không: công đoàn cơ sở</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>The details have been written to {file}. Please send this file to whoever helps you with the program.</source>
      <translation>Chi tiết đã được ghi vào {file}. Hãy gửi tệp này cho người hỗ trợ bạn sử dụng chương trình.</translation>
    </message>
    <message>
      <source>The details could not be written to the log file.</source>
      <translation>Không ghi được chi tiết vào tệp nhật ký.</translation>
    </message>
    <message>
      <source>An unexpected error occurred. The data already saved is safe; the last action may not have been completed.</source>
      <translation>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu vẫn an toàn; thao tác vừa rồi có thể chưa hoàn thành.</translation>
    </message>
    <message>
      <source>Unexpected error</source>
      <translation>Lỗi ngoài dự kiến</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>dd/mm/yyyy or the year</source>
      <translation>ngày/tháng/năm hoặc chỉ năm</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>ngày/tháng/năm</translation>
    </message>
    <message>
      <source>“{text}” is not a date: write day/month/year, e.g. 05/03/1987, or the year alone.</source>
      <translation>“{text}” không phải là ngày hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 05/03/1987, hoặc chỉ ghi năm.</translation>
    </message>
    <message>
      <source>“{text}” is not a date: write day/month/year, e.g. 05/03/1987.</source>
      <translation>“{text}” không phải là ngày hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 05/03/1987.</translation>
    </message>
  </context>
  <context>
    <name>DeadlineWords</name>
    <message>
      <source>Emulation registration</source>
      <translation>Đăng ký thi đua</translation>
    </message>
    <message>
      <source>Year-end report</source>
      <translation>Báo cáo tổng kết năm</translation>
    </message>
    <message>
      <source>Phase {number}</source>
      <translation>Đợt {number}</translation>
    </message>
    <message>
      <source>Review report of {phase}</source>
      <translation>Báo cáo sơ kết {phase}</translation>
    </message>
    <message>
      <source>Sent on {date}, on time</source>
      <translation>Đã gửi ngày {date}, đúng hạn</translation>
    </message>
    <message>
      <source>Sent on {date}, {days} days late</source>
      <translation>Đã gửi ngày {date}, trễ {days} ngày</translation>
    </message>
    <message>
      <source>Waiting in the outbox since {date}, {days} days overdue</source>
      <translation>Đang chờ gửi trong hộp thư đi, xếp ngày {date}, quá hạn {days} ngày</translation>
    </message>
    <message>
      <source>Waiting in the outbox since {date}</source>
      <translation>Đang chờ gửi trong hộp thư đi, xếp ngày {date}</translation>
    </message>
    <message>
      <source>{days} days left</source>
      <translation>Còn {days} ngày</translation>
    </message>
    <message>
      <source>Due today, not sent yet</source>
      <translation>Đến hạn hôm nay, chưa gửi</translation>
    </message>
    <message>
      <source>Not sent; the emulation year has ended</source>
      <translation>Không gửi, năm thi đua đã kết thúc</translation>
    </message>
    <message>
      <source>{days} days overdue, not sent</source>
      <translation>Quá hạn {days} ngày, chưa gửi</translation>
    </message>
    <message>
      <source>due {date}</source>
      <translation>hạn {date}</translation>
    </message>
    <message>
      <source>The emulation year {year} starts on {date} ({days} days from now).</source>
      <translation>Năm thi đua {year} bắt đầu ngày {date} (còn {days} ngày).</translation>
    </message>
    <message>
      <source>The emulation year {year} has ended (last milestone {date}). Outcome:</source>
      <translation>Năm thi đua {year} đã kết thúc (mốc cuối cùng ngày {date}). Kết quả:</translation>
    </message>
    <message>
      <source>The emulation year {year} is under way (last milestone {date}).</source>
      <translation>Năm thi đua {year} đang diễn ra (mốc cuối cùng ngày {date}).</translation>
    </message>
    <message>
      <source>Outcome:</source>
      <translation>Kết quả:</translation>
    </message>
    <message>
      <source>On time {on_time}/{total}, late {late}, not sent {missing}.</source>
      <translation>Đúng hạn {on_time}/{total}, trễ hạn {late}, chưa gửi {missing}.</translation>
    </message>
    <message>
      <source>Review meeting held on {date}.</source>
      <translation>Họp bình xét ngày {date}.</translation>
    </message>
    <message>
      <source>No review meeting recorded.</source>
      <translation>Chưa ghi nhận cuộc họp bình xét.</translation>
    </message>
    <message>
      <source>Commendation proposals: {count} lines, {decided} decided.</source>
      <translation>Danh sách đề nghị khen thưởng: {count} dòng, {decided} dòng đã có quyết định.</translation>
    </message>
    <message>
      <source>No commendation proposal list yet.</source>
      <translation>Chưa lập danh sách đề nghị khen thưởng.</translation>
    </message>
  </context>
  <context>
    <name>DeputiesEditor</name>
    <message>
      <source>Add a deputy chair</source>
      <translation>Thêm phó chủ tịch</translation>
    </message>
    <message>
      <source>Full name of the deputy chair</source>
      <translation>Họ và tên phó chủ tịch</translation>
    </message>
    <message>
      <source>Remove this deputy chair</source>
      <translation>Bỏ phó chủ tịch này</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPage</name>
    <message>
      <source>Taken</source>
      <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Sao lưu ngay</translation>
    </message>
    <message>
      <source>Open the backup folder</source>
      <translation>Mở thư mục sao lưu</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>Chủ tịch</translation>
    </message>
    <message>
      <source>Deputy chair (signing for the chair)</source>
      <translation>Phó Chủ tịch (ký thay Chủ tịch)</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>Excel</source>
      <translation>Excel</translation>
    </message>
    <message>
      <source>The date printed on the document and written in the register: by default the date of what it records, not today</source>
      <translation>Ngày ghi trên văn bản và vào sổ văn bản đi: mặc định là ngày của sự việc văn bản ghi nhận, không phải hôm nay</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Xuất văn bản…</translation>
    </message>
    <message>
      <source>Open the file</source>
      <translation>Mở tệp</translation>
    </message>
    <message>
      <source>Open the folder</source>
      <translation>Mở thư mục</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Xem trước</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>In…</translation>
    </message>
    <message>
      <source>Print the exported PDF on A4 paper</source>
      <translation>In tệp PDF đã xuất ra giấy A4</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Văn bản</translation>
    </message>
    <message>
      <source>Emulation year</source>
      <translation>Năm thi đua</translation>
    </message>
    <message>
      <source>Dated</source>
      <translation>Ngày ban hành</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Định dạng</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Số, ký hiệu</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Ngày ban hành</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Trích yếu</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Sign digitally…</source>
      <translation>Ký số…</translation>
    </message>
    <message>
      <source>Choose a file…</source>
      <translation>Chọn tệp…</translation>
    </message>
    <message>
      <source>Sign any PDF or Excel file</source>
      <translation>Ký một tệp PDF hoặc Excel bất kỳ</translation>
    </message>
    <message>
      <source>Check a signature…</source>
      <translation>Kiểm tra chữ ký…</translation>
    </message>
    <message>
      <source>Send to the upper union…</source>
      <translation>Gửi cấp trên…</translation>
    </message>
    <message>
      <source>Trusted certificates…</source>
      <translation>Chứng thư tin cậy…</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>Đưa vào hàng chờ</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Người nhận</translation>
    </message>
    <message>
      <source>Email subject</source>
      <translation>Tiêu đề thư</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Số lần thử</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Lỗi gần nhất</translation>
    </message>
    <message>
      <source>Send again</source>
      <translation>Gửi lại</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Hủy thư</translation>
    </message>
    <message>
      <source>Take a message that has not been sent out of the outbox; it stays in the sending history as removed.</source>
      <translation>Bỏ một thư chưa gửi ra khỏi hộp thư đi; thư vẫn được ghi trong lịch sử gửi là đã hủy.</translation>
    </message>
    <message>
      <source>Mail server settings…</source>
      <translation>Cài đặt máy chủ thư…</translation>
    </message>
    <message>
      <source>Documents and sending</source>
      <translation>Văn bản &amp; gửi</translation>
    </message>
    <message>
      <source>Export a document</source>
      <translation>Xuất văn bản</translation>
    </message>
    <message>
      <source>The document takes the next number of the outgoing-document register of the year it is issued; exporting it again keeps its number.</source>
      <translation>Văn bản lấy số tiếp theo trong sổ văn bản đi của năm ban hành; xuất lại văn bản đó thì giữ nguyên số.</translation>
    </message>
    <message>
      <source>Sign and send</source>
      <translation>Ký số và gửi</translation>
    </message>
    <message>
      <source>Sign the exported document (or any PDF or Excel file) with a key file, the unit's own key or a USB token, check a signature received, and send reports to the upper union by email.</source>
      <translation>Ký số văn bản vừa xuất (hoặc tệp PDF, Excel bất kỳ) bằng tệp khóa, khóa của đơn vị hoặc token USB; kiểm tra chữ ký trên tệp nhận được; gửi báo cáo lên công đoàn cấp trên qua email.</translation>
    </message>
    <message>
      <source>Outbox</source>
      <translation>Hộp thư đi</translation>
    </message>
    <message>
      <source>Outgoing-document register</source>
      <translation>Sổ văn bản đi</translation>
    </message>
    <message>
      <source>Document header</source>
      <translation>Phần đầu văn bản</translation>
    </message>
    <message>
      <source>Where reports go</source>
      <translation>Nơi nhận báo cáo</translation>
    </message>
    <message>
      <source>Backups of the data</source>
      <translation>Các bản sao lưu dữ liệu</translation>
    </message>
    <message>
      <source>A backup is taken automatically at most every four hours while the program runs, and thinned out over time. File › Restore from a backup… puts one back.</source>
      <translation>Chương trình tự động sao lưu khi đang chạy, tối đa 4 giờ một lần, và lược bớt các bản cũ theo thời gian. Dùng Tệp › Khôi phục từ bản sao lưu… để lấy lại một bản.</translation>
    </message>
    <message>
      <source>Choose the file to sign</source>
      <translation>Chọn tệp cần ký</translation>
    </message>
    <message>
      <source>Choose the signed file to check</source>
      <translation>Chọn tệp đã ký cần kiểm tra</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Remove the message “{subject}” from the outbox?</source>
      <translation>Hủy thư “{subject}” trong hộp thư đi?</translation>
    </message>
    <message>
      <source>It will not be sent. The sending history keeps it as removed; a report it was sending can be sent again.</source>
      <translation>Thư sẽ không được gửi. Lịch sử gửi vẫn ghi thư này là đã hủy; báo cáo kèm trong thư có thể gửi lại.</translation>
    </message>
    <message>
      <source>Removed from the outbox; it will not be sent.</source>
      <translation>Đã hủy thư trong hộp thư đi; thư sẽ không được gửi.</translation>
    </message>
    <message>
      <source>Password of the mail account {user}:</source>
      <translation>Mật khẩu của tài khoản email {user}:</translation>
    </message>
    <message>
      <source>Emulation plan</source>
      <translation>Kế hoạch phát động thi đua</translation>
    </message>
    <message>
      <source>See the pages of the document as it would be exported, marked as a preview, without taking a number</source>
      <translation>Xem các trang của văn bản như khi xuất, có dấu "BẢN XEM TRƯỚC", không lấy số văn bản</translation>
    </message>
    <message>
      <source>Outgoing documents of {year}</source>
      <translation>Văn bản đi năm {year}</translation>
    </message>
    <message>
      <source>Emulation registration</source>
      <translation>Bản đăng ký thi đua</translation>
    </message>
    <message>
      <source>List of initiatives</source>
      <translation>Danh sách sáng kiến</translation>
    </message>
    <message>
      <source>Phase review report</source>
      <translation>Báo cáo sơ kết đợt</translation>
    </message>
    <message>
      <source>Year-end review report</source>
      <translation>Báo cáo tổng kết năm</translation>
    </message>
    <message>
      <source>Proposal for awards</source>
      <translation>Tờ trình đề nghị khen thưởng</translation>
    </message>
    <message>
      <source>Minutes of the review meeting</source>
      <translation>Biên bản họp bình xét</translation>
    </message>
    <message>
      <source>Decision awarding certificates of merit</source>
      <translation>Quyết định tặng Giấy khen</translation>
    </message>
    <message>
      <source>(no year chosen)</source>
      <translation>(chưa chọn năm)</translation>
    </message>
    <message>
      <source>Current file: {file}</source>
      <translation>Tệp hiện tại: {file}</translation>
    </message>
    <message>
      <source>No document exported or signed yet in this session.</source>
      <translation>Chưa xuất hoặc ký văn bản nào trong lần làm việc này.</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Export {document}</source>
      <translation>Xuất {document}</translation>
    </message>
    <message>
      <source>Export the document dated {date}?</source>
      <translation>Xuất văn bản mang ngày {date}?</translation>
    </message>
    <message>
      <source>Check the date</source>
      <translation>Kiểm tra ngày văn bản</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Xuất</translation>
    </message>
    <message>
      <source>Number {code} was dated {date}: exporting changes its date.</source>
      <translation>Văn bản số {code} đang mang ngày {date}: xuất lần này sẽ đổi ngày của văn bản.</translation>
    </message>
    <message>
      <source>The date of number {code} in the register.</source>
      <translation>Ngày của văn bản số {code} trong sổ văn bản đi.</translation>
    </message>
    <message>
      <source>Date of: {what}</source>
      <translation>Theo {what}</translation>
    </message>
    <message>
      <source>Exported {document} number {code} to {file}.</source>
      <translation>Đã xuất {document} số {code} ra tệp {file}.</translation>
    </message>
    <message>
      <source>It keeps the number it was given before.</source>
      <translation>Văn bản giữ số đã cấp trước đây.</translation>
    </message>
    <message>
      <source>Its date was changed from {old} to {new}.</source>
      <translation>Ngày văn bản đã đổi từ {old} sang {new}.</translation>
    </message>
    <message>
      <source>Preview: not an exported document. It keeps its number {code} when exported.</source>
      <translation>Bản xem trước, chưa phải văn bản đã xuất. Khi xuất, văn bản giữ số {code}.</translation>
    </message>
    <message>
      <source>Preview: not an exported document, no number taken yet; exporting it takes the next number of the outgoing-document register.</source>
      <translation>Bản xem trước, chưa phải văn bản đã xuất, chưa lấy số; khi xuất, văn bản lấy số tiếp theo trong sổ văn bản đi.</translation>
    </message>
    <message>
      <source>Still to be written before it can be exported: {sections}.</source>
      <translation>Còn phải viết xong trước khi xuất: {sections}.</translation>
    </message>
    <message>
      <source>Preview: {document}</source>
      <translation>Xem trước: {document}</translation>
    </message>
    <message>
      <source>The file {file} no longer exists.</source>
      <translation>Tệp {file} không còn nữa.</translation>
    </message>
    <message>
      <source>Print {file}</source>
      <translation>In {file}</translation>
    </message>
    <message>
      <source>(not given — enter it on the Unit page)</source>
      <translation>(chưa khai báo — nhập ở trang Đơn vị)</translation>
    </message>
    <message>
      <source>Reports go to the direct upper union, {upper}: {email}</source>
      <translation>Báo cáo gửi công đoàn cấp trên trực tiếp, {upper}: {email}</translation>
    </message>
    <message>
      <source>The data is kept in {folder}</source>
      <translation>Dữ liệu được lưu tại {folder}</translation>
    </message>
  </context>
  <context>
    <name>FiguresModel</name>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Upper union's target</source>
      <translation>Chỉ tiêu của cấp trên</translation>
    </message>
    <message>
      <source>The union registers</source>
      <translation>Đơn vị đăng ký</translation>
    </message>
    <message>
      <source>Suggested from the plan; press Save to register it.</source>
      <translation>Số gợi ý theo kế hoạch; bấm Lưu để ghi nhận.</translation>
    </message>
    <message>
      <source>Double-click to enter the figure the union registers.</source>
      <translation>Nhấp đúp để nhập số công đoàn đăng ký.</translation>
    </message>
    <message>
      <source>{code} {name}: {reason}</source>
      <translation>{code} {name}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>Set up the union</source>
      <translation>Thiết lập đơn vị</translation>
    </message>
  </context>
  <context>
    <name>FirstStepsCard</name>
    <message>
      <source>Import the list of union members</source>
      <translation>Nhập danh sách đoàn viên</translation>
    </message>
    <message>
      <source>Import the upper union's plan</source>
      <translation>Nhập kế hoạch của công đoàn cấp trên</translation>
    </message>
    <message>
      <source>Register for the emulation</source>
      <translation>Đăng ký thi đua</translation>
    </message>
    <message>
      <source>Set up sending mail</source>
      <translation>Cài đặt gửi thư</translation>
    </message>
    <message>
      <source>From the Excel file HR keeps: the app finds the header and reads old fonts.</source>
      <translation>Từ tệp Excel phòng nhân sự đang giữ: chương trình tự tìm dòng tiêu đề và đọc được cả phông chữ cũ.</translation>
    </message>
    <message>
      <source>The plan package the upper union sent (or the built-in plan), with the year's dates.</source>
      <translation>Gói kế hoạch công đoàn cấp trên gửi (hoặc kế hoạch có sẵn), cùng các mốc thời gian của năm.</translation>
    </message>
    <message>
      <source>The collective's titles and targets, then each person's title.</source>
      <translation>Danh hiệu và chỉ tiêu của tập thể, rồi danh hiệu của từng người.</translation>
    </message>
    <message>
      <source>The mail server the reports are sent up through (Gmail, Outlook, Yahoo or your own).</source>
      <translation>Máy chủ thư dùng để gửi báo cáo lên cấp trên (Gmail, Outlook, Yahoo hoặc máy chủ riêng của đơn vị).</translation>
    </message>
    <message>
      <source>Import the list…</source>
      <translation>Nhập danh sách…</translation>
    </message>
    <message>
      <source>Import the plan…</source>
      <translation>Nhập kế hoạch…</translation>
    </message>
    <message>
      <source>Open the registration</source>
      <translation>Mở trang đăng ký</translation>
    </message>
    <message>
      <source>Set up sending mail…</source>
      <translation>Cài đặt gửi thư…</translation>
    </message>
    <message>
      <source>Getting started</source>
      <translation>Bắt đầu sử dụng</translation>
    </message>
    <message>
      <source>{done} of {total} steps done. Next: {step}.</source>
      <translation>Đã xong {done}/{total} bước. Tiếp theo: {step}.</translation>
    </message>
    <message>
      <source>done</source>
      <translation>đã xong</translation>
    </message>
  </context>
  <context>
    <name>GroupDialog</name>
    <message>
      <source>Union group {name}</source>
      <translation>Tổ công đoàn {name}</translation>
    </message>
    <message>
      <source>New union group</source>
      <translation>Thêm tổ công đoàn</translation>
    </message>
    <message>
      <source>e.g. Tổ may 1</source>
      <translation>ví dụ: Tổ may 1</translation>
    </message>
    <message>
      <source>Full name of the group leader</source>
      <translation>Họ và tên tổ trưởng</translation>
    </message>
    <message>
      <source>Name of the group *</source>
      <translation>Tên tổ *</translation>
    </message>
    <message>
      <source>Group leader</source>
      <translation>Tổ trưởng</translation>
    </message>
    <message>
      <source>The list holds the people of this group; another name can be typed.</source>
      <translation>Danh sách gồm những người trong tổ; có thể gõ tên khác.</translation>
    </message>
  </context>
  <context>
    <name>GroupsDialog</name>
    <message>
      <source>Union groups</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Group leader</source>
      <translation>Tổ trưởng</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Số người</translation>
    </message>
    <message>
      <source>Add a group…</source>
      <translation>Thêm tổ…</translation>
    </message>
    <message>
      <source>Rename / leader…</source>
      <translation>Đổi tên, tổ trưởng…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>A group can be deleted only when no one at work belongs to it.</source>
      <translation>Chỉ xóa được tổ khi không còn ai đang làm việc thuộc tổ.</translation>
    </message>
    <message>
      <source>Delete the union group “{name}”?</source>
      <translation>Xóa tổ công đoàn “{name}”?</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <source>User guide</source>
      <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>Mục lục</translation>
    </message>
    <message>
      <source>Open in the web browser</source>
      <translation>Mở bằng trình duyệt web</translation>
    </message>
    <message>
      <source>The same guide in the web browser, for printing</source>
      <translation>Mở hướng dẫn này bằng trình duyệt web, để in</translation>
    </message>
  </context>
  <context>
    <name>Heading</name>
    <message>
      <source>Help on this page</source>
      <translation>Trợ giúp về trang này</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>row {row}, column {column} ({field}): {message}</source>
      <translation>dòng {row}, cột {column} ({field}): {message}</translation>
    </message>
    <message>
      <source>row {row}, column {column}: {message}</source>
      <translation>dòng {row}, cột {column}: {message}</translation>
    </message>
    <message>
      <source>row {row}: {message}</source>
      <translation>dòng {row}: {message}</translation>
    </message>
    <message>
      <source>column {column}: {message}</source>
      <translation>cột {column}: {message}</translation>
    </message>
    <message>
      <source>Import people from Excel</source>
      <translation>Nhập danh sách từ Excel</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>không tìm thấy</translation>
    </message>
    <message>
      <source>The Excel row that holds the column names.</source>
      <translation>Dòng trong Excel chứa tên các cột.</translation>
    </message>
    <message>
      <source>Header on row:</source>
      <translation>Dòng tiêu đề:</translation>
    </message>
    <message>
      <source>What each column of the file holds (change one if it was guessed wrong):</source>
      <translation>Nội dung của từng cột trong tệp (chọn lại nếu chương trình đoán sai):</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>What was inferred</source>
      <translation>Suy ra khi đọc</translation>
    </message>
    <message>
      <source>Family and middle name</source>
      <translation>Họ đệm</translation>
    </message>
    <message>
      <source>Given name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>Bộ phận</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Joined the union</source>
      <translation>Ngày vào Công đoàn</translation>
    </message>
    <message>
      <source>Employed since</source>
      <translation>Ngày vào làm</translation>
    </message>
    <message>
      <source>Ethnic group</source>
      <translation>Dân tộc</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>Trình độ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Lỗi và cảnh báo</translation>
    </message>
    <message>
      <source>Duplicates</source>
      <translation>Dòng trùng</translation>
    </message>
    <message>
      <source>Choose the roster file</source>
      <translation>Chọn tệp danh sách</translation>
    </message>
    <message>
      <source>Column {column}: converted from {encoding}</source>
      <translation>Cột {column}: đã chuyển từ {encoding}</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>Đã gộp</translation>
    </message>
    <message>
      <source>To decide</source>
      <translation>Cần quyết định</translation>
    </message>
    <message>
      <source>Rows {first} and {second}: {person}</source>
      <translation>Dòng {first} và dòng {second}: {person}</translation>
    </message>
    <message>
      <source>Duplicates ({count})</source>
      <translation>Dòng trùng ({count})</translation>
    </message>
    <message>
      <source>Merge this pair</source>
      <translation>Gộp cặp này</translation>
    </message>
    <message>
      <source>Keep both of this pair</source>
      <translation>Giữ cả hai người của cặp này</translation>
    </message>
    <message>
      <source>Merge every pair</source>
      <translation>Gộp tất cả các cặp</translation>
    </message>
    <message>
      <source>Keep every pair as two people</source>
      <translation>Giữ tất cả các cặp là hai người</translation>
    </message>
    <message>
      <source>Same name and date of birth twice. They are one person only if you say so: decide for each pair, or for all of them, before importing.</source>
      <translation>Cùng họ tên và ngày sinh hai lần. Chỉ là một người khi bạn xác nhận: hãy quyết định từng cặp, hoặc cho tất cả, trước khi nhập.</translation>
    </message>
    <message>
      <source>Nothing is written until you press Import; then the whole file goes in at once, or nothing does. A person already on the roster (same name, date of birth, phone, union group and gender where both have them) is updated, not added twice.</source>
      <translation>Chưa ghi gì cho đến khi bấm Nhập; khi đó cả tệp được nhập một lần, hoặc không nhập gì. Người đã có trong danh sách (cùng họ tên, ngày sinh, và điện thoại, tổ công đoàn, giới tính nếu cả hai bên đều có) được cập nhật, không thêm lần nữa.</translation>
    </message>
    <message>
      <source>No person was found in this sheet. Choose another sheet, correct the header row or say which column holds the names.</source>
      <translation>Không tìm thấy người nào trong trang này. Hãy chọn trang khác, sửa dòng tiêu đề hoặc chọn cột chứa họ tên.</translation>
    </message>
    <message>
      <source>{people} people read from {rows} rows · {new} new · {updated} already on the roster, to be updated · {merged} duplicates merged</source>
      <translation>Đọc được {people} người từ {rows} dòng · {new} người mới · {updated} người đã có, sẽ được cập nhật · gộp {merged} cặp trùng</translation>
    </message>
    <message>
      <source>{count} pairs have the same name and date of birth: say under Duplicates whether each is one person (merge) or two (keep) before importing.</source>
      <translation>Có {count} cặp cùng họ tên và ngày sinh: hãy cho biết ở thẻ Dòng trùng mỗi cặp là một người (gộp) hay hai người (giữ cả hai) trước khi nhập.</translation>
    </message>
    <message>
      <source>Ready to import: {new} new people, {updated} updated.</source>
      <translation>Sẵn sàng nhập: {new} người mới, {updated} người được cập nhật.</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Lỗi</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Mới</translation>
    </message>
    <message>
      <source>— not imported —</source>
      <translation>— không nhập —</translation>
    </message>
    <message>
      <source>Column {column}</source>
      <translation>Cột {column}</translation>
    </message>
    <message>
      <source>to decide: same name and date of birth as {other}</source>
      <translation>cần quyết định: cùng họ tên và ngày sinh với {other}</translation>
    </message>
    <message>
      <source>a person on the roster</source>
      <translation>một người đã có trong danh sách</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>dòng {row}</translation>
    </message>
    <message>
      <source>Row {row} and a person on the roster: {person}</source>
      <translation>Dòng {row} và người đã có trong danh sách: {person}</translation>
    </message>
    <message>
      <source>possible duplicate, {fields} differ: two people unless merged</source>
      <translation>có thể trùng, khác {fields}: là hai người, trừ khi gộp</translation>
    </message>
    <message>
      <source>every other detail agrees</source>
      <translation>trùng mọi thông tin khác</translation>
    </message>
    <message>
      <source>merge into one person</source>
      <translation>gộp thành một người</translation>
    </message>
    <message>
      <source>keep as two people</source>
      <translation>giữ là hai người</translation>
    </message>
    <message>
      <source>not decided yet</source>
      <translation>chưa quyết định</translation>
    </message>
    <message>
      <source>{added} people added, {updated} updated, {merged} duplicates merged.</source>
      <translation>Thêm {added} người, cập nhật {updated} người, gộp {merged} cặp trùng.</translation>
    </message>
    <message>
      <source>{count} new union groups created.</source>
      <translation>Tạo mới {count} tổ công đoàn.</translation>
    </message>
  </context>
  <context>
    <name>IndicatorsTab</name>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Levels</source>
      <translation>Cấp áp dụng</translation>
    </message>
    <message>
      <source>Upper union's target</source>
      <translation>Chỉ tiêu cấp trên giao</translation>
    </message>
    <message>
      <source>Add an indicator</source>
      <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
      <source>Remove the indicator</source>
      <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
      <source>e.g. đoàn viên, %, đồng</source>
      <translation>ví dụ: đoàn viên, %, đồng</translation>
    </message>
    <message>
      <source>e.g. III.1</source>
      <translation>ví dụ: III.1</translation>
    </message>
    <message>
      <source>empty: the upper union gave no figure</source>
      <translation>để trống: cấp trên không giao số</translation>
    </message>
    <message>
      <source>as the plan words it, e.g. trên 8.000</source>
      <translation>như lời kế hoạch, ví dụ: trên 8.000</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit of measure</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Figures come from</source>
      <translation>Nguồn số liệu</translation>
    </message>
    <message>
      <source>Computed from</source>
      <translation>Tính từ</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>Nhóm</translation>
    </message>
    <message>
      <source>Applies at</source>
      <translation>Áp dụng cho cấp</translation>
    </message>
    <message>
      <source>Target as worded</source>
      <translation>Lời ghi chỉ tiêu</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Only for (none ticked: every unit)</source>
      <translation>Chỉ áp dụng cho (không chọn: mọi đơn vị)</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>A count adds up, a rate keeps its numerator and denominator, a yes/no counts the units that did it. The code of a saved indicator stays: the registered figures and results refer to it.</source>
      <translation>Số lượng được cộng dồn, tỷ lệ giữ cả tử số và mẫu số, chỉ tiêu có/không đếm số đơn vị đã thực hiện. Mã của chỉ tiêu đã lưu không đổi được: số đăng ký và kết quả gắn với mã đó.</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(không gắn)</translation>
    </message>
    <message>
      <source>The code of a saved indicator cannot change.</source>
      <translation>Mã của chỉ tiêu đã lưu không đổi được.</translation>
    </message>
    <message>
      <source>Changing the kind of this indicator deletes {what} (they would mean something else). Change it anyway?</source>
      <translation>Đổi loại chỉ tiêu này sẽ xóa {what} (các số đó sẽ mang nghĩa khác). Vẫn đổi?</translation>
    </message>
    <message>
      <source>New indicator</source>
      <translation>Chỉ tiêu mới</translation>
    </message>
    <message>
      <source>Removing this indicator deletes {what}. Remove it anyway?</source>
      <translation>Xóa chỉ tiêu này sẽ xóa {what}. Vẫn xóa?</translation>
    </message>
  </context>
  <context>
    <name>IndividualsModel</name>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Khác</translation>
    </message>
    <message>
      <source>Other titles and commendations registered</source>
      <translation>Danh hiệu, hình thức khen thưởng khác đã đăng ký</translation>
    </message>
    <message>
      <source>Initiative in the register</source>
      <translation>Sáng kiến trong sổ</translation>
    </message>
    <message>
      <source>The initiative of the register the registration points at (right-click a person to link one)</source>
      <translation>Sáng kiến trong sổ mà đăng ký thi đua gắn với (nhấp chuột phải vào một người để gắn)</translation>
    </message>
    <message>
      <source>Planned initiative</source>
      <translation>Sáng kiến dự kiến</translation>
    </message>
    <message>
      <source>Double-click to write the initiative this person plans.</source>
      <translation>Nhấp đúp để ghi sáng kiến người này dự kiến.</translation>
    </message>
    <message>
      <source>Linked to the initiative “{title}” ({status}).</source>
      <translation>Đã gắn với sáng kiến “{title}” ({status}).</translation>
    </message>
    <message>
      <source>{title}: registered</source>
      <translation>{title}: đã đăng ký</translation>
    </message>
    <message>
      <source>{title}: not registered</source>
      <translation>{title}: chưa đăng ký</translation>
    </message>
  </context>
  <context>
    <name>IndividualsPanel</name>
    <message>
      <source>Search by name — accents not needed</source>
      <translation>Tìm theo tên — gõ không dấu cũng được</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Mọi người</translation>
    </message>
    <message>
      <source>Not registered yet</source>
      <translation>Chưa đăng ký</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Đã đăng ký</translation>
    </message>
    <message>
      <source>The title the buttons register or remove</source>
      <translation>Danh hiệu mà các nút bên cạnh đăng ký hoặc bỏ đăng ký</translation>
    </message>
    <message>
      <source>Register the selected</source>
      <translation>Đăng ký cho người đã chọn</translation>
    </message>
    <message>
      <source>Remove from the selected</source>
      <translation>Bỏ đăng ký của người đã chọn</translation>
    </message>
    <message>
      <source>Register a whole group</source>
      <translation>Đăng ký cả tổ</translation>
    </message>
    <message>
      <source>Register everyone</source>
      <translation>Đăng ký tất cả</translation>
    </message>
    <message>
      <source>Everyone at work</source>
      <translation>Tất cả người lao động</translation>
    </message>
    <message>
      <source>Union members only</source>
      <translation>Chỉ đoàn viên</translation>
    </message>
    <message>
      <source>Link to an initiative…</source>
      <translation>Gắn sáng kiến…</translation>
    </message>
    <message>
      <source>Point the registration of the selected person at one of their initiatives in the register (a grassroots emulation fighter needs one).</source>
      <translation>Gắn đăng ký thi đua của người đang chọn với một sáng kiến của họ trong sổ (cần cho danh hiệu Chiến sĩ thi đua cơ sở).</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>Danh hiệu:</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>Kiểm tra</translation>
    </message>
    <message>
      <source>All union groups</source>
      <translation>Tất cả các tổ</translation>
    </message>
    <message>
      <source>(no union group)</source>
      <translation>(không thuộc tổ nào)</translation>
    </message>
    <message>
      <source>{group} ({count} people)</source>
      <translation>{group} ({count} người)</translation>
    </message>
    <message>
      <source>Click to select this person in the list.</source>
      <translation>Bấm để chọn người này trong danh sách.</translation>
    </message>
    <message>
      <source>No problem found in the registration.</source>
      <translation>Không phát hiện vấn đề nào trong bản đăng ký.</translation>
    </message>
    <message>
      <source>Checks: {errors} errors, {warnings} warnings</source>
      <translation>Kiểm tra: {errors} lỗi, {warnings} cảnh báo</translation>
    </message>
    <message>
      <source>Showing {shown} / {total} · {registered} registered</source>
      <translation>Hiển thị {shown} / {total} · {registered} người đã đăng ký</translation>
    </message>
    <message>
      <source>Registered {title} for {count} of the {chosen} people selected.</source>
      <translation>Đã đăng ký {title} cho {count} trong {chosen} người đã chọn.</translation>
    </message>
    <message>
      <source>Remove {title} from the {count} people selected?</source>
      <translation>Bỏ đăng ký {title} của {count} người đã chọn?</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Bỏ đăng ký</translation>
    </message>
    <message>
      <source>Removed {title} from {count} of the {chosen} people selected.</source>
      <translation>Đã bỏ đăng ký {title} của {count} trong {chosen} người đã chọn.</translation>
    </message>
    <message>
      <source>Register {title} for the {count} people of {group}?</source>
      <translation>Đăng ký {title} cho {count} người của {group}?</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Registered {title} for {count} more people of the group.</source>
      <translation>Đã đăng ký {title} thêm cho {count} người của tổ.</translation>
    </message>
    <message>
      <source>Register {title} for all {count} union members?</source>
      <translation>Đăng ký {title} cho tất cả {count} đoàn viên?</translation>
    </message>
    <message>
      <source>Register {title} for all {count} people?</source>
      <translation>Đăng ký {title} cho tất cả {count} người?</translation>
    </message>
    <message>
      <source>Registered {title} for {count} more people.</source>
      <translation>Đã đăng ký {title} thêm cho {count} người.</translation>
    </message>
    <message>
      <source>{name} has no title registered yet: register a title first, the planned initiative goes with it.</source>
      <translation>{name} chưa đăng ký danh hiệu nào: hãy đăng ký danh hiệu trước, sáng kiến dự kiến đi kèm bản đăng ký.</translation>
    </message>
    <message>
      <source>Saved the planned initiative of {name}.</source>
      <translation>Đã lưu sáng kiến dự kiến của {name}.</translation>
    </message>
    <message>
      <source>{name} has no title registered this year</source>
      <translation>{name} chưa đăng ký danh hiệu nào trong năm</translation>
    </message>
    <message>
      <source>{name} is not an author of any initiative in the register</source>
      <translation>{name} chưa là tác giả sáng kiến nào trong sổ</translation>
    </message>
    <message>
      <source>{year} — {title} ({status})</source>
      <translation>{year} — {title} ({status})</translation>
    </message>
    <message>
      <source>Remove the link</source>
      <translation>Bỏ gắn sáng kiến</translation>
    </message>
    <message>
      <source>The registration of {name} no longer points at an initiative.</source>
      <translation>Đăng ký thi đua của {name} không còn gắn với sáng kiến nào.</translation>
    </message>
    <message>
      <source>The registration of {name} now points at “{title}”.</source>
      <translation>Đăng ký thi đua của {name} đã gắn với sáng kiến “{title}”.</translation>
    </message>
  </context>
  <context>
    <name>InitiativeDialog</name>
    <message>
      <source>The file {file} could not be used: {reason}</source>
      <translation>Không dùng được tệp {file}: {reason}</translation>
    </message>
    <message>
      <source>e.g. Cải tiến gá may túi</source>
      <translation>ví dụ: Cải tiến gá may túi</translation>
    </message>
    <message>
      <source>e.g. Công nghệ may</source>
      <translation>ví dụ: Công nghệ may</translation>
    </message>
    <message>
      <source>Only if someone other than the authors paid for it</source>
      <translation>Chỉ ghi khi người khác (không phải tác giả) bỏ vốn tạo ra sáng kiến</translation>
    </message>
    <message>
      <source>Trial application</source>
      <translation>Áp dụng thử</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Tên sáng kiến</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Field of application</source>
      <translation>Lĩnh vực áp dụng</translation>
    </message>
    <message>
      <source>First applied on</source>
      <translation>Ngày áp dụng lần đầu</translation>
    </message>
    <message>
      <source>Investor</source>
      <translation>Chủ đầu tư</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Workplace</source>
      <translation>Nơi công tác</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Tỷ lệ đóng góp</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Đối tượng</translation>
    </message>
    <message>
      <source>Category of the author for the Bằng Lao động sáng tạo thresholds</source>
      <translation>Đối tượng của tác giả khi xét ngưỡng Bằng Lao động sáng tạo</translation>
    </message>
    <message>
      <source>No author yet: find people of the union on the right, or add an outsider.</source>
      <translation>Chưa có tác giả: tìm người của đơn vị ở bên phải, hoặc thêm tác giả ngoài đơn vị.</translation>
    </message>
    <message>
      <source>Add as author</source>
      <translation>Thêm làm tác giả</translation>
    </message>
    <message>
      <source>Add an outsider</source>
      <translation>Thêm người ngoài đơn vị</translation>
    </message>
    <message>
      <source>An author who is not on the union's roster: type the name and the workplace in the table.</source>
      <translation>Tác giả không có trong danh sách người lao động của đơn vị: gõ họ tên và nơi công tác vào bảng.</translation>
    </message>
    <message>
      <source>Find on the roster:</source>
      <translation>Tìm trong danh sách người lao động:</translation>
    </message>
    <message>
      <source>Authors and their share in creating the initiative (total 100%)</source>
      <translation>Tác giả và tỷ lệ (%) đóng góp vào việc tạo ra sáng kiến (tổng 100%)</translation>
    </message>
    <message>
      <source>What the solution is, what it replaces, how it works</source>
      <translation>Bản chất của giải pháp: thay thế cách làm nào, hoạt động ra sao</translation>
    </message>
    <message>
      <source>Equipment, skills or conditions needed to apply it</source>
      <translation>Thiết bị, kỹ năng, điều kiện cần thiết để áp dụng</translation>
    </message>
    <message>
      <source>e.g. 84.000.000</source>
      <translation>ví dụ: 84.000.000</translation>
    </message>
    <message>
      <source>Safety, working conditions, quality, environment…</source>
      <translation>An toàn, điều kiện làm việc, chất lượng, môi trường…</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Mô tả bản chất</translation>
    </message>
    <message>
      <source>Conditions for applying it</source>
      <translation>Điều kiện áp dụng</translation>
    </message>
    <message>
      <source>VND</source>
      <translation>đồng</translation>
    </message>
    <message>
      <source>Economic benefit</source>
      <translation>Giá trị làm lợi</translation>
    </message>
    <message>
      <source>Social benefit</source>
      <translation>Hiệu quả xã hội</translation>
    </message>
    <message>
      <source>e.g. 05/QĐ-HĐSK</source>
      <translation>ví dụ: 05/QĐ-HĐSK</translation>
    </message>
    <message>
      <source>e.g. Hội đồng sáng kiến Công ty TNHH May Hoa Lư</source>
      <translation>ví dụ: Hội đồng sáng kiến Công ty TNHH May Hoa Lư</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Reason for not recognising it</source>
      <translation>Lý do không công nhận</translation>
    </message>
    <message>
      <source>Recognition level</source>
      <translation>Cấp công nhận</translation>
    </message>
    <message>
      <source>Decision number</source>
      <translation>Số quyết định</translation>
    </message>
    <message>
      <source>Decision date</source>
      <translation>Ngày quyết định</translation>
    </message>
    <message>
      <source>Decided by</source>
      <translation>Cơ quan ra quyết định</translation>
    </message>
    <message>
      <source>Review and recognition</source>
      <translation>Xét công nhận</translation>
    </message>
    <message>
      <source>Another programme or movement</source>
      <translation>Chương trình, phong trào khác</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Thêm</translation>
    </message>
    <message>
      <source>Programmes (tick those the initiative counts for)</source>
      <translation>Chương trình (đánh dấu những chương trình sáng kiến được tính vào)</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Attach files…</source>
      <translation>Đính kèm tệp…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>Lưu bản sao…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Gỡ</translation>
    </message>
    <message>
      <source>Scans and documents are copied into the data folder (at most {limit} MB each) as soon as they are attached, and deleted from it when removed.</source>
      <translation>Bản quét và tài liệu được chép vào thư mục dữ liệu (tối đa {limit} MB mỗi tệp) ngay khi đính kèm, và bị xóa khỏi đó khi gỡ.</translation>
    </message>
    <message>
      <source>Initiative and authors</source>
      <translation>Sáng kiến và tác giả</translation>
    </message>
    <message>
      <source>Content and benefit</source>
      <translation>Nội dung và hiệu quả</translation>
    </message>
    <message>
      <source>Recognition and programmes</source>
      <translation>Công nhận và chương trình</translation>
    </message>
    <message>
      <source>Initiative: {title}</source>
      <translation>Sáng kiến: {title}</translation>
    </message>
    <message>
      <source>Add an initiative</source>
      <translation>Thêm sáng kiến</translation>
    </message>
    <message>
      <source>{name} is already an author of this initiative.</source>
      <translation>{name} đã là tác giả của sáng kiến này.</translation>
    </message>
    <message>
      <source>(of the union)</source>
      <translation>(người của đơn vị)</translation>
    </message>
    <message>
      <source>Full name of the outsider</source>
      <translation>Họ tên tác giả ngoài đơn vị</translation>
    </message>
    <message>
      <source>Workplace or residence</source>
      <translation>Nơi công tác hoặc nơi thường trú</translation>
    </message>
    <message>
      <source>Which Bằng Lao động sáng tạo threshold applies to this author</source>
      <translation>Ngưỡng xét Bằng Lao động sáng tạo áp dụng cho tác giả này</translation>
    </message>
    <message>
      <source>Remove this author</source>
      <translation>Bỏ tác giả này</translation>
    </message>
    <message>
      <source>Total: {total}%</source>
      <translation>Tổng: {total}%</translation>
    </message>
    <message>
      <source>the shares must add up to 100%</source>
      <translation>tổng tỷ lệ phải bằng 100%</translation>
    </message>
    <message>
      <source>“{text}” is not an amount of money: write it in đồng, e.g. 84.000.000.</source>
      <translation>“{text}” không phải là số tiền: ghi số đồng, ví dụ 84.000.000.</translation>
    </message>
    <message>
      <source>The economic benefit is a whole number of VND (“{text}”).</source>
      <translation>Giá trị làm lợi phải là số đồng nguyên (“{text}”).</translation>
    </message>
    <message>
      <source>In words: {words}</source>
      <translation>Bằng chữ: {words}</translation>
    </message>
    <message>
      <source>Attachments ({count})</source>
      <translation>Tệp đính kèm ({count})</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>Tệp đính kèm</translation>
    </message>
    <message>
      <source>Attach files to the initiative</source>
      <translation>Đính kèm tệp vào sáng kiến</translation>
    </message>
    <message>
      <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;All files (*)</source>
      <translation>Bản quét và tài liệu (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Save the initiative first?</source>
      <translation>Lưu sáng kiến trước?</translation>
    </message>
    <message>
      <source>Files are attached to a saved initiative. The initiative is saved now; the dialog stays open.</source>
      <translation>Tệp chỉ đính kèm được vào sáng kiến đã lưu. Sáng kiến sẽ được lưu ngay; cửa sổ vẫn mở để đính kèm.</translation>
    </message>
    <message>
      <source>Save and attach</source>
      <translation>Lưu và đính kèm</translation>
    </message>
    <message>
      <source>Save a copy of the attachment</source>
      <translation>Lưu bản sao tệp đính kèm</translation>
    </message>
    <message>
      <source>The file {file} could not be written: {reason}</source>
      <translation>Không ghi được tệp {file}: {reason}</translation>
    </message>
    <message>
      <source>Remove the attachment “{file}”?</source>
      <translation>Gỡ tệp đính kèm “{file}”?</translation>
    </message>
    <message>
      <source>The file is deleted from the data folder.</source>
      <translation>Tệp sẽ bị xóa khỏi thư mục dữ liệu.</translation>
    </message>
  </context>
  <context>
    <name>InitiativeLabels</name>
    <message>
      <source>Registered</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Being applied</source>
      <translation>Đang áp dụng</translation>
    </message>
    <message>
      <source>Recognised</source>
      <translation>Được công nhận</translation>
    </message>
    <message>
      <source>Not recognised</source>
      <translation>Không công nhận</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Cơ sở</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Ngành</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Tỉnh</translation>
    </message>
    <message>
      <source>National</source>
      <translation>Toàn quốc</translation>
    </message>
    <message>
      <source>Worker (college level or below)</source>
      <translation>Công nhân, lao động (trình độ cao đẳng trở xuống)</translation>
    </message>
    <message>
      <source>University level or above</source>
      <translation>Trình độ đại học trở lên</translation>
    </message>
    <message>
      <source>Manager (head or deputy of a unit or above)</source>
      <translation>Cán bộ quản lý (trưởng, phó cấp cơ sở trở lên)</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>Công nhân, lao động</translation>
    </message>
    <message>
      <source>University level</source>
      <translation>Trình độ đại học trở lên</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Cán bộ quản lý</translation>
    </message>
  </context>
  <context>
    <name>InitiativesImportDialog</name>
    <message>
      <source>{added} initiatives added, {updated} updated, {unchanged} unchanged.</source>
      <translation>Đã thêm {added} sáng kiến, cập nhật {updated}, {unchanged} không thay đổi.</translation>
    </message>
    <message>
      <source>Import initiatives from Excel</source>
      <translation>Nhập sổ sáng kiến từ Excel</translation>
    </message>
    <message>
      <source>the year of its first application date</source>
      <translation>năm của ngày áp dụng lần đầu</translation>
    </message>
    <message>
      <source>A row without a year is of:</source>
      <translation>Dòng không ghi năm thuộc:</translation>
    </message>
    <message>
      <source>What each column of the file holds (change one if it was guessed wrong; the choice is remembered for files with the same headers):</source>
      <translation>Mỗi cột của tệp chứa gì (sửa nếu đoán sai; lựa chọn được ghi nhớ cho các tệp có cùng tiêu đề cột):</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Thao tác</translation>
    </message>
    <message>
      <source>Initiative</source>
      <translation>Tên sáng kiến</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Authors</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Benefit (VND)</source>
      <translation>Giá trị làm lợi (đồng)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Cấp</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Quyết định</translation>
    </message>
    <message>
      <source>Decided by</source>
      <translation>Cơ quan quyết định</translation>
    </message>
    <message>
      <source>Filled in</source>
      <translation>Đã điền thay</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Lỗi và cảnh báo</translation>
    </message>
    <message>
      <source>One row per initiative, with at least the columns “Tên sáng kiến” and “Tác giả” (e.g. “Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)”); authors are found on the roster by name, and by date of birth when two people share a name. A row whose title and year are already in the register updates it.</source>
      <translation>Mỗi dòng một sáng kiến, tối thiểu có cột “Tên sáng kiến” và “Tác giả” (ví dụ “Phạm Thị Hoa (60%); Đinh Văn Tùng (40%)”); tác giả được tìm trong danh sách người lao động theo họ tên, và theo ngày sinh khi có người trùng tên. Dòng có tên sáng kiến và năm đã có trong sổ sẽ cập nhật sáng kiến đó.</translation>
    </message>
    <message>
      <source>Nothing is written until you press Import; then the whole file goes in at once, or nothing does.</source>
      <translation>Chưa có gì được ghi cho đến khi bấm Nhập; khi đó toàn bộ tệp được nhập một lần, hoặc không nhập gì.</translation>
    </message>
    <message>
      <source>Choose the register of initiatives</source>
      <translation>Chọn tệp sổ sáng kiến</translation>
    </message>
    <message>
      <source>The year of the rows that do not say it (the file may have no column for the year).</source>
      <translation>Năm của các dòng không ghi năm (tệp có thể không có cột Năm).</translation>
    </message>
    <message>
      <source>The shares may also be in a column of their own (“80%; 10%; 10%”), in the authors' order. A recognised initiative whose deciding body the file does not give is taken as decided by the body of its level: the employer or the union at the base, the upper union for the sector or the province.</source>
      <translation>Tỷ lệ đóng góp cũng có thể ghi ở cột riêng (“80%; 10%; 10%”), theo thứ tự tác giả. Sáng kiến được công nhận mà tệp không ghi cơ quan quyết định thì lấy cơ quan theo cấp công nhận: đơn vị sử dụng lao động hoặc công đoàn cơ sở ở cấp cơ sở, công đoàn cấp trên ở cấp ngành, cấp tỉnh.</translation>
    </message>
    <message>
      <source>Columns as you chose them before for a file with these headers.</source>
      <translation>Các cột theo lựa chọn trước đây của bạn cho tệp có cùng tiêu đề cột.</translation>
    </message>
    <message>
      <source>Columns as you chose them (remembered for files with these headers).</source>
      <translation>Các cột theo lựa chọn của bạn (được ghi nhớ cho các tệp có cùng tiêu đề cột).</translation>
    </message>
    <message>
      <source>No initiative was found in this sheet. Choose another sheet or check the column names.</source>
      <translation>Không tìm thấy sáng kiến nào trong trang này. Hãy chọn trang khác hoặc kiểm tra tên các cột.</translation>
    </message>
    <message>
      <source>{read} initiatives read · {added} new · {updated} to be updated · {unchanged} already in the register, unchanged</source>
      <translation>Đọc được {read} sáng kiến · {added} mới · {updated} sẽ cập nhật · {unchanged} đã có trong sổ, không đổi</translation>
    </message>
    <message>
      <source>{count} rows with something filled in (see the column “Filled in”)</source>
      <translation>{count} dòng có thông tin được điền thay (xem cột “Đã điền thay”)</translation>
    </message>
    <message>
      <source>Ready to import: {added} new initiatives, {updated} updated.</source>
      <translation>Sẵn sàng nhập: {added} sáng kiến mới, {updated} cập nhật.</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Lỗi</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Mới</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>Cập nhật</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Không đổi</translation>
    </message>
  </context>
  <context>
    <name>InitiativesPage</name>
    <message>
      <source>Target of the upper union: a grassroots union does not register it.</source>
      <translation>Chỉ tiêu của công đoàn cấp trên: công đoàn cơ sở không đăng ký chỉ tiêu này.</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>Cách lấy số liệu</translation>
    </message>
    <message>
      <source>Title or commendation</source>
      <translation>Danh hiệu, hình thức khen thưởng</translation>
    </message>
    <message>
      <source>For</source>
      <translation>Đối tượng</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>Cấp xét tặng</translation>
    </message>
    <message>
      <source>Initiatives</source>
      <translation>Sáng kiến</translation>
    </message>
    <message>
      <source>Register of initiatives</source>
      <translation>Sổ sáng kiến</translation>
    </message>
    <message>
      <source>Bằng Lao động sáng tạo candidates</source>
      <translation>Đề nghị Bằng Lao động sáng tạo</translation>
    </message>
    <message>
      <source>Targets and thresholds</source>
      <translation>Chỉ tiêu và ngưỡng xét</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Thêm…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Xóa…</translation>
    </message>
    <message>
      <source>Import from Excel…</source>
      <translation>Nhập từ Excel…</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Xuất Excel…</translation>
    </message>
    <message>
      <source>Record a new initiative with its authors</source>
      <translation>Ghi một sáng kiến mới cùng các tác giả</translation>
    </message>
    <message>
      <source>Read initiatives from an Excel register (.xlsx, .xls, .ods): all of them or none, after a preview. A file can also be dropped on this page.</source>
      <translation>Đọc sáng kiến từ một sổ Excel (.xlsx, .xls, .ods): nhập tất cả hoặc không nhập gì, sau khi xem trước. Cũng có thể kéo thả tệp vào trang này.</translation>
    </message>
    <message>
      <source>Write the initiatives of the year chosen in the filter (or all years) to an Excel workbook that can be imported back.</source>
      <translation>Ghi các sáng kiến của năm đang lọc (hoặc mọi năm) ra tệp Excel, có thể nhập lại được.</translation>
    </message>
    <message>
      <source>Search title, author, field, decision — accents not needed, e.g. ga may tui</source>
      <translation>Tìm theo tên sáng kiến, tác giả, lĩnh vực, quyết định — gõ không dấu cũng được, ví dụ: ga may tui</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Recognition level</source>
      <translation>Cấp công nhận</translation>
    </message>
    <message>
      <source>Field of application</source>
      <translation>Lĩnh vực áp dụng</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>Chương trình</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Hiện tất cả</translation>
    </message>
    <message>
      <source>Clear the search and every filter</source>
      <translation>Xóa ô tìm kiếm và mọi bộ lọc</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Mọi trạng thái</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>Mọi cấp</translation>
    </message>
    <message>
      <source>No initiative is recorded yet. Add them one by one, or import an Excel register.</source>
      <translation>Chưa có sáng kiến nào. Thêm từng sáng kiến, hoặc nhập từ một sổ sáng kiến Excel.</translation>
    </message>
    <message>
      <source>No author reaches a threshold this year.</source>
      <translation>Năm nay chưa có tác giả nào đạt ngưỡng.</translation>
    </message>
    <message>
      <source>Upper union's target</source>
      <translation>Chỉ tiêu của cấp trên</translation>
    </message>
    <message>
      <source>Not applicable to the unit (see Kind of unit on the Unit page).</source>
      <translation>Không áp dụng cho đơn vị (xem Loại hình đơn vị ở trang Đơn vị).</translation>
    </message>
    <message>
      <source>Targets tied to initiatives</source>
      <translation>Chỉ tiêu gắn với sáng kiến</translation>
    </message>
    <message>
      <source>Titles that need a recognised initiative</source>
      <translation>Danh hiệu, khen thưởng cần có sáng kiến được công nhận</translation>
    </message>
    <message>
      <source>Thresholds of the Bằng Lao động sáng tạo</source>
      <translation>Ngưỡng xét tặng Bằng Lao động sáng tạo</translation>
    </message>
    <message>
      <source>Benefit thresholds from the year's rule table; double-click a value to change it (the same values as in Emulation registration › Rules). The candidates tab applies them.</source>
      <translation>Ngưỡng giá trị làm lợi lấy từ bảng quy định của năm; nhấp đúp vào một giá trị để sửa (cùng giá trị với Đăng ký thi đua › Quy định). Thẻ đề nghị Bằng Lao động sáng tạo áp dụng các ngưỡng này.</translation>
    </message>
    <message>
      <source>Bằng Lao động sáng tạo candidates {year}</source>
      <translation>Tác giả có thể đề nghị Bằng Lao động sáng tạo năm {year}</translation>
    </message>
    <message>
      <source>Authors whose share of the benefit of recognised initiatives reaches a threshold of the {year} rule table, this year or over the last three years. It is a list to review, not a decision: the meeting decides whom to propose.</source>
      <translation>Các tác giả có giá trị làm lợi của sáng kiến được công nhận, tính theo tỷ lệ đóng góp, đạt ngưỡng trong bảng quy định năm {year}, trong năm hoặc cộng ba năm gần nhất. Đây là danh sách để xem xét, không phải quyết định: cuộc họp quyết định đề nghị ai.</translation>
    </message>
    <message>
      <source>All years</source>
      <translation>Mọi năm</translation>
    </message>
    <message>
      <source>All phases</source>
      <translation>Mọi đợt</translation>
    </message>
    <message>
      <source>Phase {number}</source>
      <translation>Đợt {number}</translation>
    </message>
    <message>
      <source>(no phase)</source>
      <translation>(không ghi đợt)</translation>
    </message>
    <message>
      <source>All fields</source>
      <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
      <source>All authors</source>
      <translation>Mọi tác giả</translation>
    </message>
    <message>
      <source>All programmes</source>
      <translation>Mọi chương trình</translation>
    </message>
    <message>
      <source>Showing {shown} / {total} initiatives</source>
      <translation>Hiển thị {shown} / {total} sáng kiến</translation>
    </message>
    <message>
      <source>No initiative shown.</source>
      <translation>Không có sáng kiến nào được hiển thị.</translation>
    </message>
    <message>
      <source>{status}: &lt;b&gt;{count}&lt;/b&gt;</source>
      <translation>{status}: &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{count}&lt;/b&gt; initiatives</source>
      <translation>&lt;b&gt;{count}&lt;/b&gt; sáng kiến</translation>
    </message>
    <message>
      <source>Total benefit: &lt;b&gt;{total}&lt;/b&gt; · of recognised initiatives: &lt;b&gt;{recognised}&lt;/b&gt;</source>
      <translation>Tổng giá trị làm lợi: &lt;b&gt;{total}&lt;/b&gt; · của sáng kiến được công nhận: &lt;b&gt;{recognised}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Added “{title}”.</source>
      <translation>Đã thêm sáng kiến “{title}”.</translation>
    </message>
    <message>
      <source>Saved “{title}”.</source>
      <translation>Đã lưu sáng kiến “{title}”.</translation>
    </message>
    <message>
      <source>Delete the initiative “{title}”?</source>
      <translation>Xóa sáng kiến “{title}”?</translation>
    </message>
    <message>
      <source>Its authors, shares and attached files are deleted with it; registrations that point at it keep their text.</source>
      <translation>Tác giả, tỷ lệ đóng góp và tệp đính kèm bị xóa theo; đăng ký thi đua đã gắn với sáng kiến vẫn giữ phần ghi bằng chữ.</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Deleted “{title}”.</source>
      <translation>Đã xóa sáng kiến “{title}”.</translation>
    </message>
    <message>
      <source>Imported: {summary}</source>
      <translation>Đã nhập: {summary}</translation>
    </message>
    <message>
      <source>The initiatives have been imported.</source>
      <translation>Đã nhập sổ sáng kiến.</translation>
    </message>
    <message>
      <source>Initiatives {year}.xlsx</source>
      <translation>Sổ sáng kiến {year}.xlsx</translation>
    </message>
    <message>
      <source>Initiatives {date}.xlsx</source>
      <translation>Sổ sáng kiến {date}.xlsx</translation>
    </message>
    <message>
      <source>Export the register of initiatives</source>
      <translation>Xuất sổ sáng kiến</translation>
    </message>
    <message>
      <source>Exported {count} initiatives to {file}.</source>
      <translation>Đã xuất {count} sáng kiến ra {file}.</translation>
    </message>
    <message>
      <source>Exported {count} initiatives.</source>
      <translation>Đã xuất {count} sáng kiến.</translation>
    </message>
    <message>
      <source>The register was not exported</source>
      <translation>Chưa xuất được sổ sáng kiến</translation>
    </message>
    <message>
      <source>Initiatives {year}</source>
      <translation>Sáng kiến năm {year}</translation>
    </message>
  </context>
  <context>
    <name>InputsDialog</name>
    <message>
      <source>Days off and discipline</source>
      <translation>Ngày nghỉ và kỷ luật</translation>
    </message>
    <message>
      <source>Not stated</source>
      <translation>Chưa ghi</translation>
    </message>
    <message>
      <source>e.g. Reprimand; empty: none</source>
      <translation>ví dụ: Khiển trách; để trống: không bị kỷ luật</translation>
    </message>
    <message>
      <source>Working days off in the year</source>
      <translation>Số ngày nghỉ làm việc trong năm</translation>
    </message>
    <message>
      <source>Disciplinary measure</source>
      <translation>Hình thức kỷ luật</translation>
    </message>
    <message>
      <source>Maternity leave is not counted. The rule table says from how many days off a person cannot be recognised a state title; a disciplined person cannot be recognised any title. Every title of the person is checked again.</source>
      <translation>Không tính thời gian nghỉ thai sản. Bảng quy định ghi nghỉ từ bao nhiêu ngày thì không được xét danh hiệu thi đua nhà nước; người bị kỷ luật không được xét danh hiệu nào. Mọi danh hiệu của người này được kiểm tra lại.</translation>
    </message>
  </context>
  <context>
    <name>KeyChoice</name>
    <message>
      <source>Key file (PKCS#12: .p12, .pfx)</source>
      <translation>Tệp khóa (PKCS#12: .p12, .pfx)</translation>
    </message>
    <message>
      <source>The unit's own key</source>
      <translation>Khóa của đơn vị</translation>
    </message>
    <message>
      <source>USB token (PKCS#11)</source>
      <translation>Token USB (PKCS#11)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Choose the key file</source>
      <translation>Chọn tệp khóa</translation>
    </message>
    <message>
      <source>Key file (*.p12 *.pfx)</source>
      <translation>Tệp khóa (*.p12 *.pfx)</translation>
    </message>
    <message>
      <source>Key file</source>
      <translation>Tệp khóa</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mật khẩu</translation>
    </message>
    <message>
      <source>Create the unit's key</source>
      <translation>Tạo khóa của đơn vị</translation>
    </message>
    <message>
      <source>Repeat the password</source>
      <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
      <source>Choose the token's library</source>
      <translation>Chọn thư viện của token</translation>
    </message>
    <message>
      <source>Library (*.so *.dll *.dylib);;All files (*)</source>
      <translation>Thư viện (*.so *.dll *.dylib);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Library (from the token's vendor)</source>
      <translation>Thư viện (của hãng cung cấp token)</translation>
    </message>
    <message>
      <source>Token label</source>
      <translation>Tên token</translation>
    </message>
    <message>
      <source>Key label</source>
      <translation>Tên khóa</translation>
    </message>
    <message>
      <source>PIN</source>
      <translation>Mã PIN</translation>
    </message>
    <message>
      <source>The unit's key is kept in the data folder; type its password.</source>
      <translation>Khóa của đơn vị nằm trong thư mục dữ liệu; hãy nhập mật khẩu của khóa.</translation>
    </message>
    <message>
      <source>The unit has no key yet. Choose a password (at least 8 characters) and create it; keep the password safe — it cannot be recovered.</source>
      <translation>Đơn vị chưa có khóa. Hãy đặt mật khẩu (ít nhất 8 ký tự) rồi tạo khóa; giữ kỹ mật khẩu — mất mật khẩu thì không lấy lại được.</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>Hai mật khẩu khác nhau.</translation>
    </message>
    <message>
      <source>Created the unit's key for {subject}. Fingerprint (read it out to the upper union on the phone so that they can register it): {fingerprint}</source>
      <translation>Đã tạo khóa của đơn vị cho {subject}. Dấu vân tay (đọc qua điện thoại cho công đoàn cấp trên để họ đăng ký): {fingerprint}</translation>
    </message>
    <message>
      <source>Choose the key file.</source>
      <translation>Hãy chọn tệp khóa.</translation>
    </message>
    <message>
      <source>The unit has no key yet; create it first.</source>
      <translation>Đơn vị chưa có khóa; hãy tạo khóa trước.</translation>
    </message>
    <message>
      <source>Give the token's library, the token label and the key label.</source>
      <translation>Hãy nhập thư viện của token, tên token và tên khóa.</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Count</source>
      <translation>Số lượng</translation>
    </message>
    <message>
      <source>Rate (%)</source>
      <translation>Tỷ lệ (%)</translation>
    </message>
    <message>
      <source>Done or not</source>
      <translation>Có/Không</translation>
    </message>
    <message>
      <source>Amount of money</source>
      <translation>Số tiền</translation>
    </message>
    <message>
      <source>Computed from the records</source>
      <translation>Tính từ dữ liệu</translation>
    </message>
    <message>
      <source>Entered by the union</source>
      <translation>Đơn vị tự nhập</translation>
    </message>
    <message>
      <source>Grassroots</source>
      <translation>CĐCS</translation>
    </message>
    <message>
      <source>Upper level</source>
      <translation>Cấp trên</translation>
    </message>
    <message>
      <source>State sector</source>
      <translation>Khu vực nhà nước</translation>
    </message>
    <message>
      <source>Non-state sector</source>
      <translation>Khu vực ngoài nhà nước</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
    <message>
      <source>Individual</source>
      <translation>Cá nhân</translation>
    </message>
    <message>
      <source>Collective</source>
      <translation>Tập thể</translation>
    </message>
    <message>
      <source>Emulation title</source>
      <translation>Danh hiệu thi đua</translation>
    </message>
    <message>
      <source>Commendation</source>
      <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Nhà nước</translation>
    </message>
    <message>
      <source>Trade union</source>
      <translation>Công đoàn</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Sao lưu</translation>
    </message>
    <message>
      <source>Before an upgrade</source>
      <translation>Trước khi nâng cấp</translation>
    </message>
    <message>
      <source>Data replaced by a restore</source>
      <translation>Dữ liệu trước khi khôi phục</translation>
    </message>
    <message>
      <source>Damaged file kept aside</source>
      <translation>Tệp hỏng được giữ lại</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Đã đăng ký</translation>
    </message>
    <message>
      <source>Achieved</source>
      <translation>Đã đạt</translation>
    </message>
    <message>
      <source>Awarded</source>
      <translation>Được khen thưởng</translation>
    </message>
    <message>
      <source>TCVN3 (.VnTime)</source>
      <translation>TCVN3 (.VnTime)</translation>
    </message>
    <message>
      <source>TCVN3 capitals (.VnTimeH)</source>
      <translation>TCVN3 chữ hoa (.VnTimeH)</translation>
    </message>
    <message>
      <source>VNI (VNI-Times)</source>
      <translation>VNI (VNI-Times)</translation>
    </message>
    <message>
      <source>Registration due</source>
      <translation>Hạn gửi đăng ký thi đua</translation>
    </message>
    <message>
      <source>Start of {phase}</source>
      <translation>Bắt đầu {phase}</translation>
    </message>
    <message>
      <source>End of {phase}</source>
      <translation>Kết thúc {phase}</translation>
    </message>
    <message>
      <source>Review report of {phase} due</source>
      <translation>Hạn gửi báo cáo sơ kết {phase}</translation>
    </message>
    <message>
      <source>Year-end report due</source>
      <translation>Hạn gửi báo cáo tổng kết năm</translation>
    </message>
    <message>
      <source>Figures of {phase} locked</source>
      <translation>Khóa số liệu {phase}</translation>
    </message>
    <message>
      <source>Start of emulation year {year}</source>
      <translation>Bắt đầu năm thi đua {year}</translation>
    </message>
    <message>
      <source>End of emulation year {year}</source>
      <translation>Kết thúc năm thi đua {year}</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Hôm nay</translation>
    </message>
    <message>
      <source>{days} days left</source>
      <translation>Còn {days} ngày</translation>
    </message>
    <message>
      <source>{days} days overdue</source>
      <translation>Quá hạn {days} ngày</translation>
    </message>
  </context>
  <context>
    <name>LeaveDialog</name>
    <message>
      <source>Left work</source>
      <translation>Nghỉ việc</translation>
    </message>
    <message>
      <source>Left work on</source>
      <translation>Ngày nghỉ việc</translation>
    </message>
    <message>
      <source>Record leaving</source>
      <translation>Ghi nhận nghỉ việc</translation>
    </message>
    <message>
      <source>The person leaves the list of people at work; their record and history are kept. Choose “Left work” in the list to see them again.</source>
      <translation>Người này rời khỏi danh sách đang làm việc; hồ sơ và lịch sử thi đua vẫn được giữ. Chọn “Đã nghỉ việc” ở bộ lọc để xem lại.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Emulation manager</source>
      <translation>Quản lý phong trào thi đua</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Tổng quan</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Emulation registration</source>
      <translation>Đăng ký thi đua</translation>
    </message>
    <message>
      <source>Initiatives</source>
      <translation>Sáng kiến</translation>
    </message>
    <message>
      <source>Phase and year-end reviews</source>
      <translation>Sơ kết – Tổng kết</translation>
    </message>
    <message>
      <source>Review and commendation</source>
      <translation>Bình xét – Khen thưởng</translation>
    </message>
    <message>
      <source>Documents and sending</source>
      <translation>Văn bản &amp; gửi</translation>
    </message>
    <message>
      <source>Consolidation</source>
      <translation>Tổng hợp</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Emulation year:</source>
      <translation>Năm thi đua:</translation>
    </message>
    <message>
      <source>The year shown on every page</source>
      <translation>Năm thi đua hiển thị ở mọi trang</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <source>Back up &amp;now</source>
      <translation>Sao lưu &amp;ngay</translation>
    </message>
    <message>
      <source>&amp;Restore from a backup…</source>
      <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
      <source>&amp;Check the data</source>
      <translation>Kiểm tra &amp;dữ liệu</translation>
    </message>
    <message>
      <source>&amp;Open the data folder</source>
      <translation>&amp;Mở thư mục dữ liệu</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>T&amp;hoát</translation>
    </message>
    <message>
      <source>&amp;Year</source>
      <translation>&amp;Năm</translation>
    </message>
    <message>
      <source>&amp;New year…</source>
      <translation>Năm &amp;mới…</translation>
    </message>
    <message>
      <source>&amp;Copy this year to the next</source>
      <translation>&amp;Sao chép năm này sang năm sau</translation>
    </message>
    <message>
      <source>&amp;Import a plan package…</source>
      <translation>&amp;Nhập gói kế hoạch…</translation>
    </message>
    <message>
      <source>&amp;Edit the year's plan…</source>
      <translation>&amp;Sửa kế hoạch năm…</translation>
    </message>
    <message>
      <source>&amp;Export the plan package for the units…</source>
      <translation>&amp;Xuất gói kế hoạch gửi các đơn vị…</translation>
    </message>
    <message>
      <source>&amp;Upper-level mode (take in and add up reports)</source>
      <translation>Chế độ công đoàn &amp;cấp trên (nhận và tổng hợp báo cáo)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>N&amp;gôn ngữ / Language</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
      <source>&amp;User guide</source>
      <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
      <source>Data folder: {folder}</source>
      <translation>Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Đang xử lý…</translation>
    </message>
    <message>
      <source>Opening the data…</source>
      <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
      <source>Creating the demonstration data (312 people)…</source>
      <translation>Đang tạo dữ liệu mẫu (312 người)…</translation>
    </message>
    <message>
      <source>Backed up automatically: {file}</source>
      <translation>Đã tự động sao lưu: {file}</translation>
    </message>
    <message>
      <source>The automatic backup failed: {reason}</source>
      <translation>Tự động sao lưu không thành công: {reason}</translation>
    </message>
    <message>
      <source>Data from a newer version</source>
      <translation>Dữ liệu của phiên bản mới hơn</translation>
    </message>
    <message>
      <source>The data cannot be opened</source>
      <translation>Không mở được dữ liệu</translation>
    </message>
    <message>
      <source>The data could not be opened: {reason}</source>
      <translation>Không mở được dữ liệu: {reason}</translation>
    </message>
    <message>
      <source>The demonstration data is not available in this version.</source>
      <translation>Phiên bản này chưa có dữ liệu mẫu.</translation>
    </message>
    <message>
      <source>Restore the latest backup</source>
      <translation>Khôi phục bản sao lưu gần nhất</translation>
    </message>
    <message>
      <source>Choose a backup…</source>
      <translation>Chọn bản sao lưu…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Thoát</translation>
    </message>
    <message>
      <source>Restoring puts back the backup of {date}; the damaged file is kept in the backup folder.</source>
      <translation>Khôi phục sẽ lấy lại bản sao lưu {date}; tệp bị hỏng được giữ lại trong thư mục sao lưu.</translation>
    </message>
    <message>
      <source>The data file {file} is damaged.</source>
      <translation>Tệp dữ liệu {file} bị hỏng.</translation>
    </message>
    <message>
      <source>Damaged data file</source>
      <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
      <source>The union is not set up yet. Quit the program?</source>
      <translation>Chưa thiết lập xong thông tin đơn vị. Thoát chương trình?</translation>
    </message>
    <message>
      <source>Nothing has been saved. The set-up will start again next time.</source>
      <translation>Chưa có gì được lưu. Lần mở sau chương trình sẽ hỏi lại từ đầu.</translation>
    </message>
    <message>
      <source>Back to the set-up</source>
      <translation>Quay lại thiết lập</translation>
    </message>
    <message>
      <source>The data has been backed up.</source>
      <translation>Đã sao lưu dữ liệu.</translation>
    </message>
    <message>
      <source>Backup file: {file}</source>
      <translation>Tệp sao lưu: {file}</translation>
    </message>
    <message>
      <source>This file cannot be restored</source>
      <translation>Không khôi phục được tệp này</translation>
    </message>
    <message>
      <source>Replace the current data with this copy?</source>
      <translation>Thay dữ liệu hiện tại bằng bản sao này?</translation>
    </message>
    <message>
      <source>Copy: {file}

The current data is first saved in the backup folder {folder}, so it can be put back.</source>
      <translation>Bản sao: {file}

Dữ liệu hiện tại sẽ được cất vào thư mục sao lưu {folder} trước, nên vẫn lấy lại được.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Khôi phục</translation>
    </message>
    <message>
      <source>The backup was not restored</source>
      <translation>Chưa khôi phục được bản sao lưu</translation>
    </message>
    <message>
      <source>The data it replaced was saved as {file}.</source>
      <translation>Dữ liệu trước khi khôi phục đã được cất tại {file}.</translation>
    </message>
    <message>
      <source>There was no data to save before restoring.</source>
      <translation>Trước khi khôi phục không có dữ liệu nào cần cất.</translation>
    </message>
    <message>
      <source>The data has been restored.</source>
      <translation>Đã khôi phục dữ liệu.</translation>
    </message>
    <message>
      <source>The data is intact.</source>
      <translation>Dữ liệu nguyên vẹn.</translation>
    </message>
    <message>
      <source>The file {file} was checked: no damage, no broken links.</source>
      <translation>Đã kiểm tra tệp {file}: không bị hỏng, không có liên kết lỗi.</translation>
    </message>
    <message>
      <source>The check found problems in the data.</source>
      <translation>Kiểm tra phát hiện dữ liệu có lỗi.</translation>
    </message>
    <message>
      <source>Restore a recent backup (File › Restore from a backup…) or ask for help; do not delete the file.</source>
      <translation>Hãy khôi phục một bản sao lưu gần đây (Tệp › Khôi phục từ bản sao lưu…) hoặc nhờ người hỗ trợ; đừng xóa tệp dữ liệu.</translation>
    </message>
    <message>
      <source>Created the emulation year {year}.</source>
      <translation>Đã tạo năm thi đua {year}.</translation>
    </message>
    <message>
      <source>Saved the plan of the year {year}.</source>
      <translation>Đã lưu kế hoạch năm {year}.</translation>
    </message>
    <message>
      <source>Copy the plan of {source} to {target}?</source>
      <translation>Sao chép kế hoạch năm {source} sang năm {target}?</translation>
    </message>
    <message>
      <source>The phases and deadlines move one year on; movements and indicators are copied, titles and rules are those in force for {target}. The new plan's number, date, issuer and title are left to enter, and this year's targets are not kept. The roster is shared by all years.</source>
      <translation>Các đợt và thời hạn lùi sang năm sau; sao chép các phong trào và chỉ tiêu, còn danh hiệu và quy định là của bộ quy định áp dụng cho năm {target}. Số, ngày, cơ quan ban hành và tên kế hoạch mới để trống cho bạn nhập; chỉ tiêu của cấp trên năm nay không giữ lại. Danh sách đoàn viên dùng chung cho mọi năm.</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Sao chép</translation>
    </message>
    <message>
      <source>The new language is used from the next start.</source>
      <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
    <message>
      <source>Restart now</source>
      <translation>Khởi động lại ngay</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Để sau</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Ngôn ngữ</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>Emulation manager</source>
      <translation>Quản lý phong trào thi đua</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>Có lỗi</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Tiếp tục</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>Vui lòng chờ</translation>
    </message>
  </context>
  <context>
    <name>MovementsTab</name>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Launched by</source>
      <translation>Cơ quan phát động</translation>
    </message>
    <message>
      <source>Add a movement</source>
      <translation>Thêm phong trào</translation>
    </message>
    <message>
      <source>Remove the movement</source>
      <translation>Xóa phong trào</translation>
    </message>
    <message>
      <source>e.g. Tổng Liên đoàn</source>
      <translation>ví dụ: Tổng Liên đoàn</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên phong trào</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>New movement</source>
      <translation>Phong trào mới</translation>
    </message>
    <message>
      <source>Removing this movement takes away {what}. Remove it anyway?</source>
      <translation>Xóa phong trào này sẽ bỏ {what}. Vẫn xóa?</translation>
    </message>
  </context>
  <context>
    <name>NewYearDialog</name>
    <message>
      <source>New emulation year</source>
      <translation>Tạo năm thi đua mới</translation>
    </message>
    <message>
      <source>Choose the package file…</source>
      <translation>Chọn tệp gói kế hoạch…</translation>
    </message>
    <message>
      <source>Create the year</source>
      <translation>Tạo năm</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <source>Now</source>
      <translation>Hiện tại</translation>
    </message>
    <message>
      <source>Timeline of the year</source>
      <translation>Các mốc thời gian trong năm</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Milestone</source>
      <translation>Mốc thời gian</translation>
    </message>
    <message>
      <source>Time left</source>
      <translation>Còn lại</translation>
    </message>
    <message>
      <source>Workers</source>
      <translation>Người lao động</translation>
    </message>
    <message>
      <source>Union members</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Women</source>
      <translation>Nữ</translation>
    </message>
    <message>
      <source>Union groups</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Milestones and deadlines</source>
      <translation>Mốc thời gian và thời hạn</translation>
    </message>
    <message>
      <source>Progress against the registered targets</source>
      <translation>Tiến độ so với chỉ tiêu đã đăng ký</translation>
    </message>
    <message>
      <source>Result as a percentage of the figure registered, phase 1 and year; the dashed line is 100%.</source>
      <translation>Kết quả tính theo % số đã đăng ký, đợt 1 và cả năm; đường gạch đứt là mức 100%.</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Tổng quan</translation>
    </message>
    <message>
      <source>Emulation year {year}</source>
      <translation>Năm thi đua {year}</translation>
    </message>
    <message>
      <source>Plan No. {number} of {date} — {issuer}</source>
      <translation>Kế hoạch số {number} ngày {date} — {issuer}</translation>
    </message>
    <message>
      <source>Plan No. {number} — {issuer}</source>
      <translation>Kế hoạch số {number} — {issuer}</translation>
    </message>
    <message>
      <source>Theme: {theme}</source>
      <translation>Chủ đề: {theme}</translation>
    </message>
    <message>
      <source>Rules in force: {rules}</source>
      <translation>Văn bản áp dụng: {rules}</translation>
    </message>
    <message>
      <source>The emulation year {year} has ended.</source>
      <translation>Năm thi đua {year} đã kết thúc.</translation>
    </message>
    <message>
      <source>Now in {phase} ({start} – {end}).</source>
      <translation>Đang trong {phase} ({start} – {end}).</translation>
    </message>
    <message>
      <source>The emulation year {year} has not started yet.</source>
      <translation>Năm thi đua {year} chưa bắt đầu.</translation>
    </message>
    <message>
      <source>No emulation year yet. Use Year › New year… to start one: from the upper union's plan package, by copying an earlier year, or from the blank standard template.</source>
      <translation>Chưa có năm thi đua. Vào Năm › Năm mới… để lập: theo gói kế hoạch của công đoàn cấp trên, sao chép một năm trước, hoặc theo mẫu chuẩn.</translation>
    </message>
    <message>
      <source>All phases of {year} have ended.</source>
      <translation>Các đợt thi đua năm {year} đã kết thúc.</translation>
    </message>
    <message>
      <source>Between phases.</source>
      <translation>Đang giữa hai đợt thi đua.</translation>
    </message>
    <message>
      <source>Next deadlines:</source>
      <translation>Thời hạn sắp tới:</translation>
    </message>
    <message>
      <source>No deadline left in this year.</source>
      <translation>Năm này không còn thời hạn nào sắp tới.</translation>
    </message>
    <message>
      <source>Deadlines passed:</source>
      <translation>Các hạn đã qua:</translation>
    </message>
    <message>
      <source>Last deadline passed: {date} — {what}</source>
      <translation>Thời hạn vừa qua: {date} — {what}</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>Đã qua</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <source>Edit {name}</source>
      <translation>Sửa thông tin {name}</translation>
    </message>
    <message>
      <source>Add a person</source>
      <translation>Thêm người</translation>
    </message>
    <message>
      <source>e.g. Nguyễn Thị</source>
      <translation>ví dụ: Nguyễn Thị</translation>
    </message>
    <message>
      <source>e.g. Hoa</source>
      <translation>ví dụ: Hoa</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
    <message>
      <source>e.g. Kinh</source>
      <translation>ví dụ: Kinh</translation>
    </message>
    <message>
      <source>(no union group)</source>
      <translation>(không thuộc tổ nào)</translation>
    </message>
    <message>
      <source>Union member</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>“{text}” is not a phone number: digits with spaces, dots or dashes (9 to 12 digits), e.g. 0912 345 678.</source>
      <translation>“{text}” không phải là số điện thoại: chỉ gồm chữ số, có thể có dấu cách, dấu chấm hoặc gạch ngang (9 đến 12 chữ số), ví dụ 0912 345 678.</translation>
    </message>
    <message>
      <source>“{text}” is not an email address: write it as name@domain.vn, without spaces.</source>
      <translation>“{text}” không phải là địa chỉ email: hãy viết theo dạng ten@tenmien.vn, không có dấu cách.</translation>
    </message>
    <message>
      <source>Family and middle name</source>
      <translation>Họ đệm</translation>
    </message>
    <message>
      <source>Given name *</source>
      <translation>Tên *</translation>
    </message>
    <message>
      <source>Date or year of birth</source>
      <translation>Ngày sinh (hoặc năm sinh)</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Ethnic group</source>
      <translation>Dân tộc</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>Trình độ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>Bộ phận</translation>
    </message>
    <message>
      <source>Joined the union on</source>
      <translation>Ngày vào Công đoàn</translation>
    </message>
    <message>
      <source>Employed since</source>
      <translation>Ngày vào làm</translation>
    </message>
    <message>
      <source>Left work on</source>
      <translation>Ngày nghỉ việc</translation>
    </message>
    <message>
      <source>Clear this date if the person is back at work.</source>
      <translation>Xóa ngày này nếu người này đi làm lại.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Dates are day/month/year; a birth year alone is accepted. Fields marked * are required.</source>
      <translation>Ngày ghi theo ngày/tháng/năm; ngày sinh có thể chỉ ghi năm. Ô có dấu * là bắt buộc.</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
  </context>
  <context>
    <name>PersonPanel</name>
    <message>
      <source>Born</source>
      <translation>Sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Ethnic group</source>
      <translation>Dân tộc</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>Bộ phận</translation>
    </message>
    <message>
      <source>Union member</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Employed since</source>
      <translation>Ngày vào làm</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>Trình độ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Danh hiệu</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>No title registered or achieved yet.</source>
      <translation>Chưa đăng ký hoặc đạt danh hiệu nào.</translation>
    </message>
    <message>
      <source>Initiative</source>
      <translation>Sáng kiến</translation>
    </message>
    <message>
      <source>Not an author of any initiative in the register.</source>
      <translation>Chưa là tác giả sáng kiến nào trong sổ.</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <source>Left work…</source>
      <translation>Nghỉ việc…</translation>
    </message>
    <message>
      <source>Emulation history</source>
      <translation>Lịch sử thi đua</translation>
    </message>
    <message>
      <source>Initiatives</source>
      <translation>Sáng kiến</translation>
    </message>
    <message>
      <source>Choose a person in the list to see their record and history.</source>
      <translation>Chọn một người trong danh sách để xem hồ sơ và lịch sử thi đua.</translation>
    </message>
    <message>
      <source>Left work on {date}</source>
      <translation>Đã nghỉ việc từ {date}</translation>
    </message>
    <message>
      <source>At work</source>
      <translation>Đang làm việc</translation>
    </message>
    <message>
      <source>Yes, since {date}</source>
      <translation>Có, từ {date}</translation>
    </message>
    <message>
      <source>Initiatives ({count})</source>
      <translation>Sáng kiến ({count})</translation>
    </message>
    <message>
      <source>Authors: {authors}</source>
      <translation>Tác giả: {authors}</translation>
    </message>
    <message>
      <source>Benefit: {amount}</source>
      <translation>Giá trị làm lợi: {amount}</translation>
    </message>
    <message>
      <source>Decision: {decision}</source>
      <translation>Quyết định: {decision}</translation>
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>Type a name, e.g. pham thi hoa</source>
      <translation>Gõ tên, ví dụ: pham thi hoa</translation>
    </message>
    <message>
      <source>Type part of a name to find a person on the roster.</source>
      <translation>Gõ một phần họ tên để tìm người trong danh sách.</translation>
    </message>
    <message>
      <source>{person} (left work)</source>
      <translation>{person} (đã nghỉ việc)</translation>
    </message>
    <message>
      <source>No one on the roster matches. An author from outside the union is added with “Add an outsider”.</source>
      <translation>Không có ai trong danh sách khớp. Tác giả ngoài đơn vị thì bấm “Thêm người ngoài đơn vị”.</translation>
    </message>
    <message>
      <source>{shown} of {count} people shown: type more of the name.</source>
      <translation>Đang hiện {shown} trong {count} người: gõ thêm tên để thu hẹp.</translation>
    </message>
    <message>
      <source>{count} found: double-click or press Enter to add.</source>
      <translation>Tìm thấy {count} người: nhấp đúp hoặc nhấn Enter để thêm.</translation>
    </message>
  </context>
  <context>
    <name>PhaseDialog</name>
    <message>
      <source>Dates of {phase}</source>
      <translation>Thời gian {phase}</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Report due</source>
      <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
      <source>Figures locked on</source>
      <translation>Ngày khóa số liệu</translation>
    </message>
    <message>
      <source>Dates are day/month/year. The report cannot be due before the phase ends, nor the figures locked before the report is due.</source>
      <translation>Ngày ghi theo ngày/tháng/năm. Hạn gửi báo cáo không được trước ngày kết thúc đợt; ngày khóa số liệu không được trước hạn gửi báo cáo.</translation>
    </message>
  </context>
  <context>
    <name>PhasesPage</name>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Report due</source>
      <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
      <source>Figures locked on</source>
      <translation>Ngày khóa số liệu</translation>
    </message>
    <message>
      <source>Time left</source>
      <translation>Còn lại</translation>
    </message>
    <message>
      <source>Change dates…</source>
      <translation>Sửa thời gian…</translation>
    </message>
    <message>
      <source>Import a plan package…</source>
      <translation>Nhập gói kế hoạch…</translation>
    </message>
    <message>
      <source>Create or update the year from the signed plan workbook the upper union sent</source>
      <translation>Tạo hoặc cập nhật năm thi đua từ sổ tính kế hoạch đã ký số do công đoàn cấp trên gửi</translation>
    </message>
    <message>
      <source>Edit the year's plan…</source>
      <translation>Sửa kế hoạch năm…</translation>
    </message>
    <message>
      <source>Plan number and date, theme, phases, deadlines, movements and indicators</source>
      <translation>Số và ngày kế hoạch, chủ đề, các đợt, các hạn, phong trào và chỉ tiêu</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Registration due</source>
      <translation>Hạn gửi đăng ký thi đua</translation>
    </message>
    <message>
      <source>Recompute from the data</source>
      <translation>Tính lại từ dữ liệu</translation>
    </message>
    <message>
      <source>Phase 1 review</source>
      <translation>Sơ kết đợt 1</translation>
    </message>
    <message>
      <source>Year-end review</source>
      <translation>Tổng kết năm</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Import a returned report…</source>
      <translation>Nhận báo cáo bị trả lại…</translation>
    </message>
    <message>
      <source>Record the comments of the upper union that returned a report</source>
      <translation>Ghi nhận ý kiến của công đoàn cấp trên khi trả lại báo cáo</translation>
    </message>
    <message>
      <source>Phase and year-end reviews</source>
      <translation>Sơ kết – Tổng kết</translation>
    </message>
    <message>
      <source>Phases</source>
      <translation>Các đợt thi đua</translation>
    </message>
    <message>
      <source>Deadlines and sendings</source>
      <translation>Các hạn gửi và việc gửi</translation>
    </message>
    <message>
      <source>Registration deadline</source>
      <translation>Hạn đăng ký thi đua</translation>
    </message>
    <message>
      <source>The date by which the union sends its emulation registration to the upper union.</source>
      <translation>Ngày công đoàn cơ sở phải gửi bản đăng ký thi đua cho công đoàn cấp trên.</translation>
    </message>
    <message>
      <source>Indicator results</source>
      <translation>Kết quả thực hiện chỉ tiêu</translation>
    </message>
    <message>
      <source>Figures marked * are counted from the data now and not saved yet; a registered figure in brackets is the plan's suggestion. Double-click an indicator entered by hand to enter its result.</source>
      <translation>Số có dấu * được tính từ dữ liệu hiện có, chưa lưu; số đăng ký trong ngoặc là mức kế hoạch gợi ý. Nhấp đúp vào chỉ tiêu nhập tay để nhập kết quả.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Báo cáo sơ kết, tổng kết</translation>
    </message>
    <message>
      <source>The review and the commendation proposals are on the page Review and commendation, next in the sidebar.</source>
      <translation>Bình xét và đề nghị khen thưởng ở trang Bình xét – Khen thưởng, ngay dưới trang này trên thanh bên.</translation>
    </message>
    <message>
      <source>Phase and year-end reviews {year}</source>
      <translation>Sơ kết – Tổng kết năm {year}</translation>
    </message>
    <message>
      <source>Saved {count} results computed from the data.</source>
      <translation>Đã lưu {count} kết quả tính từ dữ liệu.</translation>
    </message>
    <message>
      <source>Kept the figures entered by hand: {codes}.</source>
      <translation>Giữ nguyên số nhập tay: {codes}.</translation>
    </message>
    <message>
      <source>Locked, not changed: {phases}.</source>
      <translation>Đã khóa, không thay đổi: {phases}.</translation>
    </message>
    <message>
      <source>Saved the result of {code}.</source>
      <translation>Đã lưu kết quả chỉ tiêu {code}.</translation>
    </message>
    <message>
      <source>Report: {left}</source>
      <translation>Báo cáo: {left}</translation>
    </message>
    <message>
      <source>Saved the plan of the year.</source>
      <translation>Đã lưu kế hoạch năm.</translation>
    </message>
    <message>
      <source>Saved the dates of {phase}.</source>
      <translation>Đã lưu thời gian {phase}.</translation>
    </message>
    <message>
      <source>Saved: registration due {date}.</source>
      <translation>Đã lưu: hạn đăng ký thi đua {date}.</translation>
    </message>
  </context>
  <context>
    <name>PhasesTab</name>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Report due</source>
      <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
      <source>Figures locked on</source>
      <translation>Ngày khóa số liệu</translation>
    </message>
    <message>
      <source>Add a phase at the end</source>
      <translation>Thêm đợt ở cuối</translation>
    </message>
    <message>
      <source>Remove the last phase</source>
      <translation>Xóa đợt cuối</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên đợt</translation>
    </message>
    <message>
      <source>What the phase is about</source>
      <translation>Nội dung đợt</translation>
    </message>
    <message>
      <source>Phases follow each other without a gap inside the year: a new end date moves the next phase's start, a new start the previous phase's end. A deadline that followed the usual rule follows the end date.</source>
      <translation>Các đợt nối tiếp nhau, không có khoảng trống, trong năm: đổi ngày kết thúc thì đợt sau bắt đầu theo, đổi ngày bắt đầu thì đợt trước kết thúc theo. Hạn báo cáo đang theo quy tắc thông thường sẽ dời theo ngày kết thúc.</translation>
    </message>
    <message>
      <source>Removing {phase} deletes {what}. Remove it anyway?</source>
      <translation>Xóa {phase} sẽ xóa {what}. Vẫn xóa?</translation>
    </message>
  </context>
  <context>
    <name>PlanEditor</name>
    <message>
      <source>Members admitted in the year</source>
      <translation>Đoàn viên kết nạp mới trong năm</translation>
    </message>
    <message>
      <source>Women recognised as good at work and at home</source>
      <translation>Nữ được công nhận “Giỏi việc nước, đảm việc nhà”</translation>
    </message>
    <message>
      <source>Union officers trained</source>
      <translation>Cán bộ công đoàn được tập huấn</translation>
    </message>
    <message>
      <source>Initiatives recognised</source>
      <translation>Sáng kiến được công nhận</translation>
    </message>
    <message>
      <source>Authors awarded the Bằng Lao động sáng tạo</source>
      <translation>Tác giả được tặng Bằng Lao động sáng tạo</translation>
    </message>
    <message>
      <source>Members introduced to the Party</source>
      <translation>Đoàn viên ưu tú được giới thiệu cho Đảng</translation>
    </message>
    <message>
      <source>State sector</source>
      <translation>Khu vực nhà nước</translation>
    </message>
    <message>
      <source>Non-state sector</source>
      <translation>Khu vực ngoài nhà nước</translation>
    </message>
    <message>
      <source>State agencies</source>
      <translation>Cơ quan nhà nước</translation>
    </message>
    <message>
      <source>Public service units</source>
      <translation>Đơn vị sự nghiệp công lập</translation>
    </message>
    <message>
      <source>State-owned enterprises</source>
      <translation>Doanh nghiệp nhà nước</translation>
    </message>
    <message>
      <source>Private enterprises</source>
      <translation>Doanh nghiệp ngoài nhà nước</translation>
    </message>
    <message>
      <source>Foreign-invested enterprises</source>
      <translation>Doanh nghiệp có vốn đầu tư nước ngoài</translation>
    </message>
    <message>
      <source>Cooperatives and others</source>
      <translation>Hợp tác xã, tổ chức khác</translation>
    </message>
  </context>
  <context>
    <name>PlanEditorDialog</name>
    <message>
      <source>Plan of the year {year}</source>
      <translation>Kế hoạch năm {year}</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Kế hoạch</translation>
    </message>
    <message>
      <source>Phases</source>
      <translation>Các đợt</translation>
    </message>
    <message>
      <source>Movements</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Save the plan</source>
      <translation>Lưu kế hoạch</translation>
    </message>
    <message>
      <source>The data is deleted when you save the plan; Cancel keeps it.</source>
      <translation>Số liệu chỉ bị xóa khi lưu kế hoạch; chọn Hủy để giữ lại.</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Save anyway?</source>
      <translation>Vẫn lưu?</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
  </context>
  <context>
    <name>PlanExportDialog</name>
    <message>
      <source>Export the plan package</source>
      <translation>Xuất gói kế hoạch</translation>
    </message>
    <message>
      <source>The plan package is a signed workbook with the year's plan: phases and deadlines, movements, indicators with their targets, titles and rule values. Send it to the grassroots unions; each imports it (Year › Import a plan package…) instead of typing the plan.</source>
      <translation>Gói kế hoạch là sổ tính đã ký số chứa kế hoạch của năm: các đợt và thời hạn, phong trào, chỉ tiêu kèm mức kế hoạch, danh hiệu và các quy định. Gửi gói cho các công đoàn cơ sở; mỗi đơn vị nhập gói (Năm › Nhập gói kế hoạch…) thay vì gõ lại kế hoạch.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Sign with</source>
      <translation>Ký bằng</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>Lưu thành tệp</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Xuất</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Passwords and PINs are used for this signature only and are never saved.</source>
      <translation>Mật khẩu và mã PIN chỉ dùng cho lần ký này và không bao giờ được lưu lại.</translation>
    </message>
    <message>
      <source>Save the plan package</source>
      <translation>Lưu gói kế hoạch</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>There is no year to export yet.</source>
      <translation>Chưa có năm thi đua nào để xuất.</translation>
    </message>
    <message>
      <source>Choose where to save the plan package.</source>
      <translation>Hãy chọn nơi lưu gói kế hoạch.</translation>
    </message>
    <message>
      <source>Writing and signing the plan package…</source>
      <translation>Đang ghi và ký số gói kế hoạch…</translation>
    </message>
    <message>
      <source>Saved the plan package of {year}:
{path}
{phases} phases, {movements} movements, {indicators} indicators, {titles} titles, {rules} rule values.
Signed by {signer}; fingerprint (read it out to the units by phone so that they can check it): {fingerprint}</source>
      <translation>Đã lưu gói kế hoạch năm {year}:
{path}
{phases} đợt, {movements} phong trào, {indicators} chỉ tiêu, {titles} danh hiệu, {rules} quy định.
Người ký: {signer}; dấu vân tay (đọc qua điện thoại cho các đơn vị để đối chiếu): {fingerprint}</translation>
    </message>
  </context>
  <context>
    <name>PlanPackageDialog</name>
    <message>
      <source>Import a plan package</source>
      <translation>Nhập gói kế hoạch</translation>
    </message>
    <message>
      <source>A plan package is the signed workbook in which the upper union sends its plan: phases, deadlines, movements, indicators with targets, titles and rule values. Nothing changes until you press Apply.</source>
      <translation>Gói kế hoạch là sổ tính đã ký số mà công đoàn cấp trên gửi kế hoạch xuống: các đợt, hạn báo cáo, phong trào, chỉ tiêu kèm mức chỉ tiêu, danh hiệu và các quy định. Chưa có gì thay đổi cho tới khi bấm Áp dụng.</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>Mục</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Thay đổi</translation>
    </message>
    <message>
      <source>Details (old → new)</source>
      <translation>Chi tiết (cũ → mới)</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Kế hoạch</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Danh hiệu</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Quy định</translation>
    </message>
    <message>
      <source>added</source>
      <translation>thêm</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>sửa</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>bỏ</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>giữ lại</translation>
    </message>
    <message>
      <source>Choose the plan package</source>
      <translation>Chọn tệp gói kế hoạch</translation>
    </message>
    <message>
      <source>Checking the signature and reading the package…</source>
      <translation>Đang kiểm tra chữ ký số và đọc gói kế hoạch…</translation>
    </message>
    <message>
      <source>The year {year} does not exist yet: it will be created with {phases} phases, {movements} movements, {indicators} indicators, {titles} titles and {rules} rule values.</source>
      <translation>Chưa có năm thi đua {year}: năm sẽ được tạo với {phases} đợt, {movements} phong trào, {indicators} chỉ tiêu, {titles} danh hiệu và {rules} quy định.</translation>
    </message>
    <message>
      <source>The year {year} already matches this package: nothing to change.</source>
      <translation>Năm thi đua {year} đã đúng như gói kế hoạch này: không có gì thay đổi.</translation>
    </message>
    <message>
      <source>Changes to the year {year}: {added} added, {changed} changed, {removed} removed, {kept} kept.</source>
      <translation>Thay đổi của năm thi đua {year}: {added} thêm, {changed} sửa, {removed} bỏ, {kept} giữ lại.</translation>
    </message>
    <message>
      <source>This package cannot be applied:</source>
      <translation>Không áp dụng được gói kế hoạch này:</translation>
    </message>
  </context>
  <context>
    <name>PlanPage</name>
    <message>
      <source>This year's plan</source>
      <translation>Kế hoạch của năm</translation>
    </message>
    <message>
      <source>Choose the year and how it starts; its phases and deadlines can be changed later.</source>
      <translation>Chọn năm và cách lập năm; các đợt và thời hạn sửa được về sau.</translation>
    </message>
    <message>
      <source>No plan template was found in the program's files.</source>
      <translation>Không tìm thấy kế hoạch mẫu nào trong thư mục chương trình.</translation>
    </message>
    <message>
      <source>The plan templates could not be read: {reason}</source>
      <translation>Không đọc được các kế hoạch mẫu: {reason}</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>e.g. 02/KH-LĐLĐ</source>
      <translation>ví dụ: 02/KH-LĐLĐ</translation>
    </message>
    <message>
      <source> days</source>
      <translation> ngày</translation>
    </message>
    <message>
      <source>Plan number</source>
      <translation>Số kế hoạch</translation>
    </message>
    <message>
      <source>Issued on</source>
      <translation>Ngày ban hành</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>Cơ quan ban hành</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Tên kế hoạch</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Chủ đề thi đua</translation>
    </message>
    <message>
      <source>Registration due</source>
      <translation>Hạn gửi đăng ký thi đua</translation>
    </message>
    <message>
      <source>Reports due after a phase ends</source>
      <translation>Gửi báo cáo sau khi kết thúc đợt</translation>
    </message>
    <message>
      <source>Type the plan's number, date, issuer, title and theme as the upper union's plan gives them; the program never changes them by itself.</source>
      <translation>Ghi số, ngày, cơ quan ban hành, tên và chủ đề đúng như kế hoạch của công đoàn cấp trên; chương trình không tự thay đổi các thông tin này.</translation>
    </message>
    <message>
      <source>The number of days is the usual rule for a new phase or a moved end date (the 2021 plan: within 5 days). Each phase's own deadline can differ; change it on the Phases tab.</source>
      <translation>Số ngày là quy tắc thông thường khi thêm đợt hoặc dời ngày kết thúc đợt (kế hoạch năm 2021: trong vòng 5 ngày). Hạn của từng đợt có thể khác; sửa ở thẻ Các đợt.</translation>
    </message>
  </context>
  <context>
    <name>PreviewDialog</name>
    <message>
      <source>{count} pages</source>
      <translation>{count} trang</translation>
    </message>
    <message>
      <source>1 page</source>
      <translation>1 trang</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Thu phóng</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>In…</translation>
    </message>
    <message>
      <source>Page {number}</source>
      <translation>Trang {number}</translation>
    </message>
    <message>
      <source>This page cannot be shown.</source>
      <translation>Không hiển thị được trang này.</translation>
    </message>
    <message>
      <source>Printing {count} pages…</source>
      <translation>Đang in {count} trang…</translation>
    </message>
    <message>
      <source>The document could not be printed: the printer or the file {target} could not be opened.</source>
      <translation>Không in được văn bản: không mở được máy in hoặc tệp {target}.</translation>
    </message>
  </context>
  <context>
    <name>ProgressChart</name>
    <message>
      <source>phase 1 {p1}, year {year}</source>
      <translation>đợt 1: {p1}, cả năm: {year}</translation>
    </message>
    <message>
      <source>Phase 1</source>
      <translation>Đợt 1</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Cả năm</translation>
    </message>
  </context>
  <context>
    <name>ProposalDialog</name>
    <message>
      <source>Edit a proposal line</source>
      <translation>Sửa dòng đề nghị khen thưởng</translation>
    </message>
    <message>
      <source>Add a proposal line</source>
      <translation>Thêm dòng đề nghị khen thưởng</translation>
    </message>
    <message>
      <source>A person</source>
      <translation>Một người</translation>
    </message>
    <message>
      <source>A union group</source>
      <translation>Một tổ công đoàn</translation>
    </message>
    <message>
      <source>The union itself</source>
      <translation>Chính công đoàn cơ sở</translation>
    </message>
    <message>
      <source>No one chosen yet: type part of a name.</source>
      <translation>Chưa chọn ai: hãy gõ một phần họ tên.</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Own union (the union's own certificate of merit)</source>
      <translation>CĐCS tặng (Giấy khen của Ban Chấp hành CĐCS)</translation>
    </message>
    <message>
      <source>Proposed to the upper union</source>
      <translation>Đề nghị công đoàn cấp trên khen thưởng</translation>
    </message>
    <message>
      <source>Summary of achievements: what the person or the collective did this year</source>
      <translation>Tóm tắt thành tích: người hoặc tập thể đã làm được gì trong năm</translation>
    </message>
    <message>
      <source>Award or title proposed</source>
      <translation>Hình thức, danh hiệu đề nghị</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Cấp khen</translation>
    </message>
    <message>
      <source>Summary of achievements</source>
      <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
      <source>Chosen: {person}</source>
      <translation>Đã chọn: {person}</translation>
    </message>
    <message>
      <source>Choose the person: type part of the name and pick them from the list.</source>
      <translation>Hãy chọn người được đề nghị: gõ một phần họ tên rồi chọn trong danh sách.</translation>
    </message>
    <message>
      <source>The roster has no union group yet.</source>
      <translation>Danh sách chưa có tổ công đoàn nào.</translation>
    </message>
  </context>
  <context>
    <name>RegisterModel</name>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Initiative</source>
      <translation>Tên sáng kiến</translation>
    </message>
    <message>
      <source>Authors</source>
      <translation>Tác giả</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Lĩnh vực</translation>
    </message>
    <message>
      <source>Benefit (VND)</source>
      <translation>Giá trị làm lợi (đồng)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Cấp</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Quyết định</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>Chương trình</translation>
    </message>
  </context>
  <context>
    <name>RegistrationCard</name>
    <message>
      <source>Emulation registration</source>
      <translation>Đăng ký thi đua</translation>
    </message>
    <message>
      <source>%p% complete</source>
      <translation>Hoàn thành %p%</translation>
    </message>
    <message>
      <source>Open the registration</source>
      <translation>Mở trang Đăng ký thi đua</translation>
    </message>
    <message>
      <source>Emulation registration {year}</source>
      <translation>Đăng ký thi đua năm {year}</translation>
    </message>
    <message>
      <source>Due {date} — {left}</source>
      <translation>Hạn {date} — {left}</translation>
    </message>
    <message>
      <source>No registration deadline in the plan.</source>
      <translation>Kế hoạch chưa có hạn đăng ký.</translation>
    </message>
    <message>
      <source>saved</source>
      <translation>đã lưu</translation>
    </message>
    <message>
      <source>not saved yet</source>
      <translation>chưa lưu</translation>
    </message>
    <message>
      <source>People registered: {people} / {total}</source>
      <translation>Người đã đăng ký: {people} / {total}</translation>
    </message>
    <message>
      <source>Collective registration: {state}</source>
      <translation>Đăng ký tập thể: {state}</translation>
    </message>
    <message>
      <source>Indicators registered: {figures} / {total}</source>
      <translation>Chỉ tiêu đã đăng ký: {figures} / {total}</translation>
    </message>
    <message>
      <source>Checks: {errors} errors, {warnings} warnings</source>
      <translation>Kiểm tra: {errors} lỗi, {warnings} cảnh báo</translation>
    </message>
  </context>
  <context>
    <name>RegistrationPage</name>
    <message>
      <source>saved</source>
      <translation>đã lưu</translation>
    </message>
    <message>
      <source>not saved</source>
      <translation>chưa lưu</translation>
    </message>
    <message>
      <source>Registered {people}/{total} people</source>
      <translation>Đã đăng ký {people}/{total} người</translation>
    </message>
    <message>
      <source>{figures}/{total} indicators</source>
      <translation>{figures}/{total} chỉ tiêu</translation>
    </message>
    <message>
      <source>collective: {state}</source>
      <translation>tập thể: {state}</translation>
    </message>
    <message>
      <source>made on {made}, {late} days late</source>
      <translation>lập ngày {made}, trễ {late} ngày</translation>
    </message>
    <message>
      <source>made on {made}, on time</source>
      <translation>lập ngày {made}, đúng hạn</translation>
    </message>
    <message>
      <source>due {date} — {left}</source>
      <translation>hạn {date} — {left}</translation>
    </message>
    <message>
      <source>Collective</source>
      <translation>Tập thể</translation>
    </message>
    <message>
      <source>Individuals</source>
      <translation>Cá nhân</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Launched by</source>
      <translation>Cấp phát động</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Movements</source>
      <translation>Phong trào</translation>
    </message>
    <message>
      <source>Target of the upper union: a grassroots union does not register it.</source>
      <translation>Chỉ tiêu của công đoàn cấp trên: công đoàn cơ sở không đăng ký chỉ tiêu này.</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>Cách lấy số liệu</translation>
    </message>
    <message>
      <source>Upper union's target</source>
      <translation>Chỉ tiêu của cấp trên</translation>
    </message>
    <message>
      <source>Plan {number} of {issuer}. Registration due: {due}. Greyed indicators belong to the upper union or do not apply to the unit.</source>
      <translation>Kế hoạch {number} của {issuer}. Hạn đăng ký: {due}. Chỉ tiêu màu xám là của công đoàn cấp trên hoặc không áp dụng cho đơn vị.</translation>
    </message>
    <message>
      <source>The kind of unit is not chosen yet (Unit page): indicators meant for one kind only (state agencies, public service units, state-owned enterprises) are not offered.</source>
      <translation>Chưa chọn loại hình đơn vị (trang Đơn vị): các chỉ tiêu chỉ dành cho một loại hình (cơ quan nhà nước, đơn vị sự nghiệp công lập, doanh nghiệp nhà nước) chưa được đưa ra.</translation>
    </message>
    <message>
      <source>Body that confers “{name}”:</source>
      <translation>Cơ quan quyết định “{name}”:</translation>
    </message>
    <message>
      <source>Levels</source>
      <translation>Cấp áp dụng</translation>
    </message>
    <message>
      <source>Applies to</source>
      <translation>Áp dụng cho</translation>
    </message>
    <message>
      <source>Not applicable to the unit (see Kind of unit on the Unit page): neither registered, computed nor printed.</source>
      <translation>Không áp dụng cho đơn vị (xem Loại hình đơn vị ở trang Đơn vị): không đăng ký, không tính, không in.</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Title or commendation</source>
      <translation>Danh hiệu, hình thức khen thưởng</translation>
    </message>
    <message>
      <source>For</source>
      <translation>Đối tượng</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Hệ thống</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>Cấp xét tặng</translation>
    </message>
    <message>
      <source>Women only</source>
      <translation>Chỉ xét nữ</translation>
    </message>
    <message>
      <source>Needs an initiative</source>
      <translation>Cần có sáng kiến</translation>
    </message>
    <message>
      <source>Double-click a title to change the body that confers it.</source>
      <translation>Nhấp đúp vào một danh hiệu để sửa cấp tặng.</translation>
    </message>
    <message>
      <source>Titles and commendations</source>
      <translation>Danh hiệu &amp;&amp; khen thưởng</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>Quy định</translation>
    </message>
    <message>
      <source>Emulation registration</source>
      <translation>Đăng ký thi đua</translation>
    </message>
    <message>
      <source>Emulation registration {year}</source>
      <translation>Đăng ký thi đua năm {year}</translation>
    </message>
  </context>
  <context>
    <name>ReminderDialog</name>
    <message>
      <source>Email the reminders</source>
      <translation>Gửi thư nhắc nộp báo cáo</translation>
    </message>
    <message>
      <source>One email to each unit whose report is past its due date and has not come in, listing what is missing. The messages go through the outbox; a report already reminded to a unit today is not reminded again.</source>
      <translation>Mỗi đơn vị đã quá hạn mà chưa nộp báo cáo nhận một thư nhắc, ghi rõ còn thiếu gì. Thư đi qua hộp thư đi; báo cáo nào đã nhắc đơn vị trong hôm nay thì không nhắc lại.</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên đơn vị</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>To remind</source>
      <translation>Cần nhắc</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>Mail server settings…</source>
      <translation>Cài đặt máy chủ thư…</translation>
    </message>
    <message>
      <source>Send them now (otherwise they wait in the outbox)</source>
      <translation>Gửi ngay (nếu không, thư chờ trong hộp thư đi)</translation>
    </message>
    <message>
      <source>Mail password</source>
      <translation>Mật khẩu email</translation>
    </message>
    <message>
      <source>Mail server</source>
      <translation>Máy chủ thư</translation>
    </message>
    <message>
      <source>Put the reminders in the outbox</source>
      <translation>Xếp thư nhắc vào hộp thư đi</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>The message (click a unit to see its own):</source>
      <translation>Nội dung thư (bấm vào một đơn vị để xem thư của đơn vị đó):</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Mid-year report</source>
      <translation>Sơ kết</translation>
    </message>
    <message>
      <source>Year report</source>
      <translation>Tổng kết</translation>
    </message>
    <message>
      <source>Already reminded today</source>
      <translation>Đã nhắc hôm nay</translation>
    </message>
    <message>
      <source>No email address: add it on the Units tab</source>
      <translation>Chưa có email: bổ sung ở thẻ Đơn vị</translation>
    </message>
    <message>
      <source>Will be sent (the rest was reminded today)</source>
      <translation>Sẽ gửi (phần còn lại đã nhắc hôm nay)</translation>
    </message>
    <message>
      <source>Will be sent</source>
      <translation>Sẽ gửi</translation>
    </message>
    <message>
      <source>No unit needs a reminder today.</source>
      <translation>Hôm nay không có đơn vị nào cần nhắc.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Người nhận</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Tiêu đề</translation>
    </message>
    <message>
      <source>no login</source>
      <translation>không đăng nhập</translation>
    </message>
    <message>
      <source>Not set up yet: set up the mail server to send reminders.</source>
      <translation>Chưa cài đặt: hãy cài đặt máy chủ thư để gửi thư nhắc.</translation>
    </message>
    <message>
      <source>{n} reminders put in the outbox.</source>
      <translation>Đã xếp {n} thư nhắc vào hộp thư đi.</translation>
    </message>
    <message>
      <source>{n} sent.</source>
      <translation>Đã gửi {n} thư.</translation>
    </message>
  </context>
  <context>
    <name>ReportEditor</name>
    <message>
      <source>Draft the report</source>
      <translation>Soạn báo cáo</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Mark as complete</source>
      <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
      <source>Mark as sent</source>
      <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
      <source>Make a new version</source>
      <translation>Tạo phiên bản mới</translation>
    </message>
    <message>
      <source>Sending history…</source>
      <translation>Lịch sử gửi…</translation>
    </message>
    <message>
      <source>When each version was sent, to whom, and the SHA-256 of each file</source>
      <translation>Mỗi phiên bản đã gửi lúc nào, tới ai, và mã SHA-256 của từng tệp</translation>
    </message>
    <message>
      <source>Still missing</source>
      <translation>Còn thiếu</translation>
    </message>
    <message>
      <source>Nothing is missing.</source>
      <translation>Không còn thiếu gì.</translation>
    </message>
    <message>
      <source>No emulation year is chosen.</source>
      <translation>Chưa chọn năm thi đua.</translation>
    </message>
    <message>
      <source>This report has not been drafted yet. “Draft the report” writes a first version from the data.</source>
      <translation>Chưa soạn báo cáo này. “Soạn báo cáo” viết bản đầu tiên từ dữ liệu.</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>nháp</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>hoàn thành</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>đã gửi</translation>
    </message>
    <message>
      <source>{title} — version {version}, {status}.</source>
      <translation>{title} — phiên bản {version}, {status}.</translation>
    </message>
    <message>
      <source>A sent report cannot be changed; make a new version to correct it.</source>
      <translation>Báo cáo đã gửi không sửa được; muốn sửa hãy tạo phiên bản mới.</translation>
    </message>
    <message>
      <source>Returned by the upper union with the comments: “{comment}”</source>
      <translation>Công đoàn cấp trên đã trả lại với ý kiến: “{comment}”</translation>
    </message>
    <message>
      <source>This version answers the upper union's comments: “{comment}”</source>
      <translation>Phiên bản này sửa theo ý kiến của công đoàn cấp trên: “{comment}”</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
  </context>
  <context>
    <name>ReportHistoryDialog</name>
    <message>
      <source>Sending history of the report</source>
      <translation>Lịch sử gửi báo cáo</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Phiên bản</translation>
    </message>
    <message>
      <source>How</source>
      <translation>Cách gửi</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Queued / written</source>
      <translation>Xếp hàng / tạo lúc</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Đã gửi lúc</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Gửi tới</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Lỗi gần nhất</translation>
    </message>
    <message>
      <source>{name} ({size} bytes) — SHA-256: {sha256}</source>
      <translation>{name} ({size} byte) — SHA-256: {sha256}</translation>
    </message>
    <message>
      <source>This report has not been sent yet.</source>
      <translation>Báo cáo này chưa được gửi lần nào.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>What left for the upper union: the time, the recipients and each file with its SHA-256 fingerprint. A sent version is locked; a correction is sent as a new version.</source>
      <translation>Những gì đã gửi lên công đoàn cấp trên: thời gian, người nhận và từng tệp với mã SHA-256. Phiên bản đã gửi bị khóa; bản sửa được gửi thành phiên bản mới.</translation>
    </message>
    <message>
      <source>email draft (.eml)</source>
      <translation>thư nháp (.eml)</translation>
    </message>
    <message>
      <source>outbox</source>
      <translation>hộp thư đi</translation>
    </message>
    <message>
      <source>Version {n}</source>
      <translation>Phiên bản {n}</translation>
    </message>
  </context>
  <context>
    <name>ReportsCard</name>
    <message>
      <source>Phase reports</source>
      <translation>Báo cáo sơ kết, tổng kết</translation>
    </message>
    <message>
      <source>not drafted yet</source>
      <translation>chưa soạn</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>nháp</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>hoàn thành</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>đã gửi</translation>
    </message>
    <message>
      <source>{state}, version {version}</source>
      <translation>{state}, phiên bản {version}</translation>
    </message>
    <message>
      <source>due {due} ({left}), figures locked {lock}</source>
      <translation>hạn gửi {due} ({left}), khóa số liệu {lock}</translation>
    </message>
    <message>
      <source>State: {state}</source>
      <translation>Tình trạng: {state}</translation>
    </message>
    <message>
      <source>Still missing:</source>
      <translation>Còn thiếu:</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>… và {n} mục khác</translation>
    </message>
    <message>
      <source>No phases in this year.</source>
      <translation>Năm này chưa có đợt thi đua nào.</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Restore from a backup</source>
      <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
      <source>Choose the backup to put back. The current data is first copied into the backup folder, so nothing is lost.</source>
      <translation>Chọn bản sao lưu cần lấy lại. Dữ liệu hiện tại sẽ được chép vào thư mục sao lưu trước, nên không mất gì.</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>There is no backup in the data folder yet.</source>
      <translation>Thư mục dữ liệu chưa có bản sao lưu nào.</translation>
    </message>
    <message>
      <source>Choose another file…</source>
      <translation>Chọn tệp khác…</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Khôi phục</translation>
    </message>
    <message>
      <source>Choose a copy of the data</source>
      <translation>Chọn bản sao dữ liệu</translation>
    </message>
    <message>
      <source>Data files (*.sqlite *.db);;All files (*)</source>
      <translation>Tệp dữ liệu (*.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
  </context>
  <context>
    <name>ResultDialog</name>
    <message>
      <source>Result of {code}</source>
      <translation>Kết quả chỉ tiêu {code}</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Achieved (numerator)</source>
      <translation>Đạt (tử số)</translation>
    </message>
    <message>
      <source>Out of (denominator)</source>
      <translation>Trên tổng số (mẫu số)</translation>
    </message>
    <message>
      <source>Value (1 = yes, 0 = no)</source>
      <translation>Số liệu (1 = có, 0 = không)</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Số liệu</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Evidence document number</source>
      <translation>Số văn bản căn cứ</translation>
    </message>
    <message>
      <source>Evidence document date</source>
      <translation>Ngày văn bản căn cứ</translation>
    </message>
    <message>
      <source>Read only: {reason}</source>
      <translation>Chỉ xem: {reason}</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
  </context>
  <context>
    <name>ResultsTable</name>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Phase 1 result</source>
      <translation>Kết quả đợt 1</translation>
    </message>
    <message>
      <source>Year result</source>
      <translation>Kết quả cả năm</translation>
    </message>
    <message>
      <source>% of target</source>
      <translation>% so với đăng ký</translation>
    </message>
    <message>
      <source>Counted by the program from its registers.</source>
      <translation>Chương trình tự tính từ dữ liệu.</translation>
    </message>
    <message>
      <source>Entered by hand (double-click to enter the result).</source>
      <translation>Nhập tay (nhấp đúp để nhập kết quả).</translation>
    </message>
  </context>
  <context>
    <name>ReturnDialog</name>
    <message>
      <source>Import a returned report</source>
      <translation>Nhận báo cáo bị trả lại</translation>
    </message>
    <message>
      <source>When the upper union returns a report with comments, it sends a small signed workbook. The comments are recorded on the report they concern; then make a new version of the report to correct it.</source>
      <translation>Khi công đoàn cấp trên trả lại báo cáo kèm ý kiến, cấp trên gửi một sổ tính nhỏ đã ký số. Ý kiến được ghi vào đúng báo cáo đó; sau đó hãy tạo phiên bản mới của báo cáo để sửa.</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Returned by</source>
      <translation>Người trả lại</translation>
    </message>
    <message>
      <source>Comments</source>
      <translation>Ý kiến</translation>
    </message>
    <message>
      <source>Record the comments</source>
      <translation>Ghi nhận ý kiến</translation>
    </message>
    <message>
      <source>Choose the returned report</source>
      <translation>Chọn tệp trả lại báo cáo</translation>
    </message>
    <message>
      <source>Checking the signature and reading the file…</source>
      <translation>Đang kiểm tra chữ ký số và đọc tệp…</translation>
    </message>
    <message>
      <source>The data is intact, but the signer {signer} is not in the trusted list. Phone the sender and compare the certificate's fingerprint:
{fingerprint}</source>
      <translation>Dữ liệu nguyên vẹn, nhưng người ký {signer} chưa có trong danh sách tin cậy. Hãy gọi điện cho nơi gửi để đối chiếu dấu vân tay chứng thư số:
{fingerprint}</translation>
    </message>
    <message>
      <source>{report} — version {version}</source>
      <translation>{report} — phiên bản {version}</translation>
    </message>
    <message>
      <source>{sender}, on {date}</source>
      <translation>{sender}, ngày {date}</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <source>Review and commendation</source>
      <translation>Bình xét – Khen thưởng</translation>
    </message>
    <message>
      <source>No emulation year yet: the review comes after the year is started.</source>
      <translation>Chưa có năm thi đua: bình xét chỉ làm được khi đã bắt đầu năm thi đua.</translation>
    </message>
    <message>
      <source>Review and commendation proposals</source>
      <translation>Bình xét và đề nghị khen thưởng</translation>
    </message>
    <message>
      <source>Review and commendation {year}</source>
      <translation>Bình xét – Khen thưởng năm {year}</translation>
    </message>
  </context>
  <context>
    <name>ReviewPanel</name>
    <message>
      <source>Called</source>
      <translation>Triệu tập</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Có mặt</translation>
    </message>
    <message>
      <source>Meeting date</source>
      <translation>Ngày họp</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Địa điểm</translation>
    </message>
    <message>
      <source>Chaired by</source>
      <translation>Chủ trì</translation>
    </message>
    <message>
      <source>Secretary</source>
      <translation>Thư ký</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>Số người</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Save the meeting</source>
      <translation>Lưu cuộc họp</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Danh hiệu</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Đã đăng ký</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Votes for / cast</source>
      <translation>Phiếu đồng ý / tổng</translation>
    </message>
    <message>
      <source>Not eligible because</source>
      <translation>Thuộc diện không xét</translation>
    </message>
    <message>
      <source>Enter votes…</source>
      <translation>Ghi số phiếu…</translation>
    </message>
    <message>
      <source>Days off, discipline…</source>
      <translation>Ngày nghỉ, kỷ luật…</translation>
    </message>
    <message>
      <source>Working days off (maternity leave not counted) and a disciplinary measure of the selected person</source>
      <translation>Số ngày nghỉ làm việc (không kể thai sản) và hình thức kỷ luật của người đang chọn</translation>
    </message>
    <message>
      <source>Decide by majority</source>
      <translation>Xét theo đa số</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Phần</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Cấp khen</translation>
    </message>
    <message>
      <source>Summary of achievements (double-click to edit)</source>
      <translation>Tóm tắt thành tích (nhấp đúp để sửa)</translation>
    </message>
    <message>
      <source>Draw up the proposal list</source>
      <translation>Lập danh sách đề nghị</translation>
    </message>
    <message>
      <source>Add a line…</source>
      <translation>Thêm dòng…</translation>
    </message>
    <message>
      <source>Edit the line…</source>
      <translation>Sửa dòng…</translation>
    </message>
    <message>
      <source>Remove the line</source>
      <translation>Bỏ dòng</translation>
    </message>
    <message>
      <source>Review meeting</source>
      <translation>Cuộc họp bình xét</translation>
    </message>
    <message>
      <source>Review table</source>
      <translation>Bảng bình xét</translation>
    </message>
    <message>
      <source>Double-click a line to enter its votes. A title is achieved with more than half of the votes cast, unless the rules exclude the person. Union groups are reviewed for the group titles the collective registered.</source>
      <translation>Bấm đúp vào một dòng để ghi số phiếu. Danh hiệu được công nhận khi quá nửa số phiếu đồng ý, trừ người không đủ điều kiện theo quy định. Các tổ công đoàn được bình xét danh hiệu của tổ mà tập thể đã đăng ký.</translation>
    </message>
    <message>
      <source>Drawn up from the review: building again adds what is missing and never deletes. Double-click a summary to edit it; add, edit or remove lines by hand with the buttons.</source>
      <translation>Lập từ kết quả bình xét: lập lại chỉ thêm dòng còn thiếu, không xóa dòng nào. Bấm đúp vào tóm tắt thành tích để sửa; thêm, sửa hoặc bỏ dòng bằng các nút.</translation>
    </message>
    <message>
      <source>What the review still lacks</source>
      <translation>Những điều cần lưu ý khi bình xét</translation>
    </message>
    <message>
      <source>Commendation proposals</source>
      <translation>Danh sách đề nghị khen thưởng</translation>
    </message>
    <message>
      <source>Nothing: the review is complete.</source>
      <translation>Không còn gì: bình xét đã đầy đủ.</translation>
    </message>
    <message>
      <source>Union group: {name}</source>
      <translation>Tổ công đoàn: {name}</translation>
    </message>
    <message>
      <source>Collective: {name}</source>
      <translation>Tập thể: {name}</translation>
    </message>
    <message>
      <source>Not reviewed</source>
      <translation>Chưa xét</translation>
    </message>
    <message>
      <source>Achieved</source>
      <translation>Đạt</translation>
    </message>
    <message>
      <source>Not achieved</source>
      <translation>Không đạt</translation>
    </message>
    <message>
      <source>A. Collective</source>
      <translation>A. Tập thể</translation>
    </message>
    <message>
      <source>B. Individual</source>
      <translation>B. Cá nhân</translation>
    </message>
    <message>
      <source>Upper union</source>
      <translation>Đề nghị cấp trên</translation>
    </message>
    <message>
      <source>Own union</source>
      <translation>CĐCS khen</translation>
    </message>
    <message>
      <source>Saved the review meeting of {date}: {present}/{total} present.</source>
      <translation>Đã lưu cuộc họp bình xét ngày {date}: có mặt {present}/{total} người.</translation>
    </message>
    <message>
      <source>Saved the votes of {name} — {title}.</source>
      <translation>Đã lưu số phiếu của {name} — {title}.</translation>
    </message>
    <message>
      <source>not stated</source>
      <translation>chưa ghi</translation>
    </message>
    <message>
      <source>Saved for {name}: days off {days}; discipline: {discipline}.</source>
      <translation>Đã ghi cho {name}: số ngày nghỉ {days}; kỷ luật: {discipline}.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>không</translation>
    </message>
    <message>
      <source>Decided by majority: {achieved} achieved, {not_achieved} not achieved, {excluded} excluded by the rules, {capped} over the cap; {without} without votes, {kept} decided before and kept, {unregistered} not registered (left to you).</source>
      <translation>Đã xét theo đa số: {achieved} đạt, {not_achieved} không đạt, {excluded} thuộc diện không xét, {capped} vượt tỷ lệ tối đa; {without} chưa có phiếu, {kept} đã có kết quả nên giữ nguyên, {unregistered} chưa đăng ký (để cán bộ quyết định).</translation>
    </message>
    <message>
      <source>Proposal list drawn up: {added} lines added, {kept} kept.</source>
      <translation>Đã lập danh sách đề nghị: thêm {added} dòng, giữ {kept} dòng.</translation>
    </message>
    <message>
      <source>No longer following from the review (remove them if right): {lines}.</source>
      <translation>Không còn phù hợp với kết quả bình xét (bỏ đi nếu đúng): {lines}.</translation>
    </message>
    <message>
      <source>Saved the line of {name} — {award}.</source>
      <translation>Đã lưu dòng đề nghị của {name} — {award}.</translation>
    </message>
    <message>
      <source>Added {name} — {award} to the proposal list.</source>
      <translation>Đã thêm {name} — {award} vào danh sách đề nghị.</translation>
    </message>
    <message>
      <source>Remove {name} — {award} from the proposal list?</source>
      <translation>Bỏ {name} — {award} khỏi danh sách đề nghị khen thưởng?</translation>
    </message>
    <message>
      <source>Drawing up the list again adds the line back if the review still leads to it.</source>
      <translation>Nếu lập lại danh sách, dòng này sẽ được thêm lại khi kết quả bình xét vẫn dẫn tới nó.</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Bỏ</translation>
    </message>
    <message>
      <source>Removed {name} — {award} from the proposal list.</source>
      <translation>Đã bỏ {name} — {award} khỏi danh sách đề nghị.</translation>
    </message>
    <message>
      <source>Saved the summary of {name}.</source>
      <translation>Đã lưu tóm tắt thành tích của {name}.</translation>
    </message>
  </context>
  <context>
    <name>RosterModel</name>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>Tổ công đoàn</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>Joined the union</source>
      <translation>Ngày vào Công đoàn</translation>
    </message>
    <message>
      <source>Left work on</source>
      <translation>Ngày nghỉ việc</translation>
    </message>
  </context>
  <context>
    <name>RosterPage</name>
    <message>
      <source>Search by name — accents not needed, e.g. nguyen van an</source>
      <translation>Tìm theo tên — gõ không dấu cũng được, ví dụ: nguyen van an</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Thêm…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <source>Left work…</source>
      <translation>Nghỉ việc…</translation>
    </message>
    <message>
      <source>Union groups…</source>
      <translation>Tổ công đoàn…</translation>
    </message>
    <message>
      <source>Import from Excel…</source>
      <translation>Nhập từ Excel…</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Xuất Excel…</translation>
    </message>
    <message>
      <source>Add a person to the roster</source>
      <translation>Thêm một người vào danh sách</translation>
    </message>
    <message>
      <source>Read a list of people from an Excel file (.xlsx, .xls, .ods); a file can also be dropped on this page.</source>
      <translation>Đọc danh sách từ tệp Excel (.xlsx, .xls, .ods); cũng có thể kéo thả tệp vào trang này.</translation>
    </message>
    <message>
      <source>At work</source>
      <translation>Đang làm việc</translation>
    </message>
    <message>
      <source>Left work</source>
      <translation>Đã nghỉ việc</translation>
    </message>
    <message>
      <source>People at work, or people who left</source>
      <translation>Người đang làm việc hoặc người đã nghỉ việc</translation>
    </message>
    <message>
      <source>No one is on the roster yet. Add people one by one, or import them from an Excel file (the file can be dropped here).</source>
      <translation>Danh sách chưa có ai. Hãy thêm từng người, hoặc nhập từ tệp Excel (có thể kéo thả tệp vào đây).</translation>
    </message>
    <message>
      <source>Double-click a person to edit. Drop an Excel file on this page to import it.</source>
      <translation>Nhấp đúp vào một người để sửa. Kéo thả tệp Excel vào trang này để nhập danh sách.</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>Đoàn viên</translation>
    </message>
    <message>
      <source>All union groups</source>
      <translation>Tất cả các tổ</translation>
    </message>
    <message>
      <source>(no union group)</source>
      <translation>(không thuộc tổ nào)</translation>
    </message>
    <message>
      <source>Showing {shown} / {total} people</source>
      <translation>Hiển thị {shown} / {total} người</translation>
    </message>
    <message>
      <source>Added {name} to the roster.</source>
      <translation>Đã thêm {name} vào danh sách.</translation>
    </message>
    <message>
      <source>Saved {name} (left work).</source>
      <translation>Đã lưu {name} (đã nghỉ việc).</translation>
    </message>
    <message>
      <source>Saved {name}.</source>
      <translation>Đã lưu {name}.</translation>
    </message>
    <message>
      <source>{name} left work on {date}; their record is kept under “Left work”.</source>
      <translation>{name} nghỉ việc từ {date}; hồ sơ vẫn được giữ ở mục “Đã nghỉ việc”.</translation>
    </message>
    <message>
      <source>Imported: {summary}</source>
      <translation>Đã nhập: {summary}</translation>
    </message>
    <message>
      <source>The list has been imported.</source>
      <translation>Đã nhập danh sách.</translation>
    </message>
    <message>
      <source>Roster {date}.xlsx</source>
      <translation>Danh sách đoàn viên {date}.xlsx</translation>
    </message>
    <message>
      <source>Export the roster</source>
      <translation>Xuất danh sách</translation>
    </message>
    <message>
      <source>The roster was not exported</source>
      <translation>Chưa xuất được danh sách</translation>
    </message>
    <message>
      <source>Exported {count} people to {file}.</source>
      <translation>Đã xuất {count} người ra tệp {file}.</translation>
    </message>
    <message>
      <source>Exported {count} people.</source>
      <translation>Đã xuất {count} người.</translation>
    </message>
  </context>
  <context>
    <name>RuleSetDialog</name>
    <message>
      <source>Import a rule set</source>
      <translation>Nhập bộ quy định</translation>
    </message>
    <message>
      <source>A rule set is the signed workbook in which the upper union sends the emulation and commendation rules: the documents they rest on, titles, caps and thresholds. It applies to the year {year}; nothing changes until you press Apply.</source>
      <translation>Bộ quy định là sổ tính đã ký số, trong đó công đoàn cấp trên gửi các quy định thi đua, khen thưởng: văn bản căn cứ, danh hiệu, mức trần và ngưỡng. Bộ quy định được áp dụng cho năm {year}; chưa có gì thay đổi cho đến khi bấm Áp dụng.</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>Choose the rule set</source>
      <translation>Chọn tệp bộ quy định</translation>
    </message>
    <message>
      <source>Checking the signature and reading the rule set…</source>
      <translation>Đang kiểm tra chữ ký số và đọc bộ quy định…</translation>
    </message>
    <message>
      <source>The year {year} already follows this rule set: nothing to change.</source>
      <translation>Năm thi đua {year} đã theo đúng bộ quy định này: không có gì thay đổi.</translation>
    </message>
    <message>
      <source>Rule set “{name}” ({years}) for the year {year}: {count} changes.</source>
      <translation>Bộ quy định “{name}” ({years}) cho năm {year}: {count} thay đổi.</translation>
    </message>
    <message>
      <source>This rule set cannot be applied:</source>
      <translation>Không áp dụng được bộ quy định này:</translation>
    </message>
  </context>
  <context>
    <name>RuleSetPanel</name>
    <message>
      <source>Import rule set…</source>
      <translation>Nhập bộ quy định…</translation>
    </message>
    <message>
      <source>A rule set sent by the upper union as a signed workbook: you see the changes first, then apply them to the year.</source>
      <translation>Bộ quy định công đoàn cấp trên gửi bằng sổ tính đã ký số: xem các thay đổi trước, rồi mới áp dụng cho năm.</translation>
    </message>
    <message>
      <source>Sources (the basis lines the documents print):</source>
      <translation>Văn bản căn cứ (các dòng “Căn cứ” in trên văn bản):</translation>
    </message>
    <message>
      <source>Rule set in force for {year}: {name}</source>
      <translation>Bộ quy định áp dụng năm {year}: {name}</translation>
    </message>
    <message>
      <source>Sent by the upper union (signed by {signer}); applies {years}.</source>
      <translation>Do công đoàn cấp trên gửi (người ký: {signer}); áp dụng {years}.</translation>
    </message>
    <message>
      <source>Built into the program; applies {years}.</source>
      <translation>Có sẵn trong chương trình; áp dụng {years}.</translation>
    </message>
    <message>
      <source>to be checked against the text</source>
      <translation>cần đối chiếu với văn bản</translation>
    </message>
    <message>
      <source>The union changed {count} of the rule set's values (marked in the Note column).</source>
      <translation>Đơn vị đã sửa {count} giá trị so với bộ quy định (ghi ở cột Ghi chú).</translation>
    </message>
    <message>
      <source>No value differs from the rule set.</source>
      <translation>Chưa sửa giá trị nào so với bộ quy định.</translation>
    </message>
  </context>
  <context>
    <name>RulesTable</name>
    <message>
      <source>Rule</source>
      <translation>Quy định</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Giá trị</translation>
    </message>
    <message>
      <source>Unit of measure</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Căn cứ</translation>
    </message>
    <message>
      <source>Rule set value</source>
      <translation>Mức của bộ quy định</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>Double-click a value to change it.</source>
      <translation>Bấm đúp vào giá trị để sửa.</translation>
    </message>
    <message>
      <source>changed by the union (rule set: {value})</source>
      <translation>đơn vị đã sửa (bộ quy định: {value})</translation>
    </message>
    <message>
      <source>to be checked against the text</source>
      <translation>cần đối chiếu với văn bản</translation>
    </message>
    <message>
      <source>{description}
Code: {key}</source>
      <translation>{description}
Mã: {key}</translation>
    </message>
    <message>
      <source>The value of “{rule}” was not changed: {reason}</source>
      <translation>Chưa sửa giá trị của “{rule}”: {reason}</translation>
    </message>
    <message>
      <source>Saved: {rule} = {value} {unit}</source>
      <translation>Đã lưu: {rule} = {value} {unit}</translation>
    </message>
  </context>
  <context>
    <name>SendDialog</name>
    <message>
      <source>Sent to the upper union.</source>
      <translation>Đã gửi công đoàn cấp trên.</translation>
    </message>
    <message>
      <source>The mail server refused the message: {error}</source>
      <translation>Máy chủ thư từ chối thư: {error}</translation>
    </message>
    <message>
      <source>Could not send now; the message waits in the outbox and can be sent again when the network is back. Reason: {error}</source>
      <translation>Chưa gửi được; thư đang chờ trong hộp thư đi và có thể gửi lại khi có mạng. Lý do: {error}</translation>
    </message>
    <message>
      <source>Send to the upper union</source>
      <translation>Gửi công đoàn cấp trên</translation>
    </message>
    <message>
      <source>Choose files…</source>
      <translation>Chọn tệp…</translation>
    </message>
    <message>
      <source>Mail server settings…</source>
      <translation>Cài đặt máy chủ thư…</translation>
    </message>
    <message>
      <source>Send again exactly the files already sent</source>
      <translation>Gửi lại đúng các tệp đã gửi</translation>
    </message>
    <message>
      <source>Sending email is not set up yet. Set it up first (a minute: choose Gmail, Outlook, Yahoo or the unit's own server and send a test message); then write the message.</source>
      <translation>Chưa cài đặt gửi thư. Hãy cài đặt trước (khoảng một phút: chọn Gmail, Outlook, Yahoo hoặc máy chủ thư của đơn vị rồi gửi thử), sau đó mới viết thư.</translation>
    </message>
    <message>
      <source>Set up email…</source>
      <translation>Cài đặt gửi thư…</translation>
    </message>
    <message>
      <source>{report}: already sent {times} time(s). It is locked; a correction is a new version.</source>
      <translation>{report}: đã gửi {times} lần. Báo cáo đã khóa; muốn sửa hãy tạo phiên bản mới.</translation>
    </message>
    <message>
      <source>{report}: sending records the files with their SHA-256 and locks this version.</source>
      <translation>{report}: khi gửi, các tệp được ghi lại cùng mã SHA-256 và phiên bản này bị khóa.</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Người nhận</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Tiêu đề</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>Mail server</source>
      <translation>Máy chủ thư</translation>
    </message>
    <message>
      <source>Mail password</source>
      <translation>Mật khẩu email</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>Gửi</translation>
    </message>
    <message>
      <source>Save as an email draft (.eml)…</source>
      <translation>Lưu thành thư nháp (.eml)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>The message is first put in the outbox; if the network is down it waits there and can be sent again later.</source>
      <translation>Thư được đưa vào hộp thư đi trước; nếu mất mạng, thư chờ ở đó và có thể gửi lại sau.</translation>
    </message>
    <message>
      <source>(no file)</source>
      <translation>(chưa có tệp)</translation>
    </message>
    <message>
      <source>Choose the files to send</source>
      <translation>Chọn các tệp cần gửi</translation>
    </message>
    <message>
      <source>no login</source>
      <translation>không đăng nhập</translation>
    </message>
    <message>
      <source>Not set up yet</source>
      <translation>Chưa cài đặt</translation>
    </message>
    <message>
      <source>Choose the files to send.</source>
      <translation>Hãy chọn các tệp cần gửi.</translation>
    </message>
    <message>
      <source>Set up the mail server first (or save the message as an email draft for your mail program).</source>
      <translation>Hãy cài đặt máy chủ gửi thư trước (hoặc lưu thư thành thư nháp để gửi bằng chương trình email của bạn).</translation>
    </message>
    <message>
      <source>Save the email draft</source>
      <translation>Lưu thư nháp</translation>
    </message>
    <message>
      <source>Email message (*.eml)</source>
      <translation>Thư điện tử (*.eml)</translation>
    </message>
    <message>
      <source>Saved the email draft {file}. Open it in your mail program (Outlook, Thunderbird), check it and press Send.</source>
      <translation>Đã lưu thư nháp {file}. Mở tệp này bằng chương trình email (Outlook, Thunderbird), kiểm tra rồi bấm Gửi.</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>Đang chờ</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Đã hủy</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Đã gửi</translation>
    </message>
    <message>
      <source>Email draft saved</source>
      <translation>Đã lưu thư nháp</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Bị từ chối</translation>
    </message>
  </context>
  <context>
    <name>SignDialog</name>
    <message>
      <source>Sign a document digitally</source>
      <translation>Ký số văn bản</translation>
    </message>
    <message>
      <source>Choose a file…</source>
      <translation>Chọn tệp…</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Choose the signature image</source>
      <translation>Chọn hình chữ ký</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>Hình PNG (*.png)</translation>
    </message>
    <message>
      <source>Choose the seal image</source>
      <translation>Chọn hình con dấu</translation>
    </message>
    <message>
      <source>File to sign</source>
      <translation>Tệp cần ký</translation>
    </message>
    <message>
      <source>Sign with</source>
      <translation>Ký bằng</translation>
    </message>
    <message>
      <source>Signature image (optional)</source>
      <translation>Hình chữ ký (không bắt buộc)</translation>
    </message>
    <message>
      <source>Seal image (optional)</source>
      <translation>Hình con dấu (không bắt buộc)</translation>
    </message>
    <message>
      <source>Sign</source>
      <translation>Ký</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Passwords and PINs are used for this signature only and are never saved.</source>
      <translation>Mật khẩu và mã PIN chỉ dùng cho lần ký này và không bao giờ được lưu lại.</translation>
    </message>
    <message>
      <source>Choose the file to sign</source>
      <translation>Chọn tệp cần ký</translation>
    </message>
    <message>
      <source>Choose the file to sign.</source>
      <translation>Hãy chọn tệp cần ký.</translation>
    </message>
    <message>
      <source>Signed by {signer} at {time}. The signed file: {file}</source>
      <translation>{signer} đã ký lúc {time}. Tệp đã ký: {file}</translation>
    </message>
  </context>
  <context>
    <name>SignedFileDialog</name>
    <message>
      <source>No file chosen</source>
      <translation>Chưa chọn tệp</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>Chọn tệp…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>The data is intact, but the signer {signer} is not in the trusted list. Before applying, phone the sender and compare the certificate's fingerprint:
{fingerprint}</source>
      <translation>Dữ liệu nguyên vẹn, nhưng người ký {signer} chưa có trong danh sách tin cậy. Trước khi áp dụng, hãy gọi điện cho nơi gửi để đối chiếu dấu vân tay chứng thư số:
{fingerprint}</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Signature valid: signed by {signer}, a trusted signer.</source>
      <translation>Chữ ký số hợp lệ: do {signer} ký, người ký được tin cậy.</translation>
    </message>
  </context>
  <context>
    <name>SignersPage</name>
    <message>
      <source>Who signs</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <source>The chair signs documents on behalf of the executive committee; a deputy chair may sign for the chair.</source>
      <translation>Chủ tịch ký văn bản thay mặt Ban Chấp hành; phó chủ tịch có thể ký thay chủ tịch.</translation>
    </message>
    <message>
      <source>Full name of the chair</source>
      <translation>Họ và tên chủ tịch</translation>
    </message>
    <message>
      <source>Chair *</source>
      <translation>Chủ tịch *</translation>
    </message>
    <message>
      <source>Deputy chairs</source>
      <translation>Phó chủ tịch</translation>
    </message>
    <message>
      <source>Still needed: the chair's name.</source>
      <translation>Còn thiếu: họ và tên chủ tịch.</translation>
    </message>
  </context>
  <context>
    <name>SmtpDialog</name>
    <message>
      <source>Mail server (SMTP)</source>
      <translation>Máy chủ gửi thư (SMTP)</translation>
    </message>
    <message>
      <source>Choose your email provider…</source>
      <translation>Chọn nhà cung cấp email…</translation>
    </message>
    <message>
      <source>Gmail (with an app password)</source>
      <translation>Gmail (dùng mật khẩu ứng dụng)</translation>
    </message>
    <message>
      <source>Outlook, Hotmail (with an app password)</source>
      <translation>Outlook, Hotmail (dùng mật khẩu ứng dụng)</translation>
    </message>
    <message>
      <source>Yahoo Mail (with an app password)</source>
      <translation>Yahoo Mail (dùng mật khẩu ứng dụng)</translation>
    </message>
    <message>
      <source>The unit's own mail server</source>
      <translation>Máy chủ thư của đơn vị</translation>
    </message>
    <message>
      <source>Another server</source>
      <translation>Máy chủ khác</translation>
    </message>
    <message>
      <source>How to make an app password (Gmail, Outlook, Yahoo)</source>
      <translation>Hướng dẫn tạo mật khẩu ứng dụng (Gmail, Outlook, Yahoo)</translation>
    </message>
    <message>
      <source>STARTTLS</source>
      <translation>STARTTLS</translation>
    </message>
    <message>
      <source>SSL/TLS</source>
      <translation>SSL/TLS</translation>
    </message>
    <message>
      <source>None (not encrypted)</source>
      <translation>Không (không mã hóa)</translation>
    </message>
    <message>
      <source>the full email address</source>
      <translation>địa chỉ email đầy đủ</translation>
    </message>
    <message>
      <source>the same as the user name</source>
      <translation>giống tên đăng nhập</translation>
    </message>
    <message>
      <source>for the test only; never saved</source>
      <translation>chỉ để gửi thử; không lưu</translation>
    </message>
    <message>
      <source>Send a test message</source>
      <translation>Gửi thử</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Nhà cung cấp</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Máy chủ</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Cổng</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Bảo mật</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Tên đăng nhập</translation>
    </message>
    <message>
      <source>Sender address</source>
      <translation>Địa chỉ gửi</translation>
    </message>
    <message>
      <source>Sender name</source>
      <translation>Tên người gửi</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mật khẩu</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>The test message goes to the sender's own address. The password is asked each time mail is sent; it is never saved.</source>
      <translation>Thư thử được gửi tới chính địa chỉ gửi. Mật khẩu được hỏi mỗi lần gửi thư và không bao giờ được lưu.</translation>
    </message>
    <message>
      <source>mail.your-domain.vn</source>
      <translation>mail.ten-mien-cua-don-vi.vn</translation>
    </message>
  </context>
  <context>
    <name>SpreadsheetImportDialog</name>
    <message>
      <source>No file chosen yet.</source>
      <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
      <source>Choose a file…</source>
      <translation>Chọn tệp…</translation>
    </message>
    <message>
      <source>Read the file again</source>
      <translation>Đọc lại tệp</translation>
    </message>
    <message>
      <source>After fixing the file in Excel and saving it, read it again.</source>
      <translation>Sau khi sửa tệp trong Excel và lưu lại, bấm để đọc lại.</translation>
    </message>
    <message>
      <source>Sheet:</source>
      <translation>Trang tính:</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Nhập</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>Tệp:</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
      <translation>Bảng tính (*.xlsx *.xlsm *.xls *.ods);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Đang đọc tệp…</translation>
    </message>
    <message>
      <source>{name} (hidden)</source>
      <translation>{name} (ẩn)</translation>
    </message>
    <message>
      <source>Problems ({errors} errors, {warnings} warnings)</source>
      <translation>Lỗi và cảnh báo ({errors} lỗi, {warnings} cảnh báo)</translation>
    </message>
    <message>
      <source>The file has {count} errors: nothing will be imported until the file is fixed. Fix the rows listed under Problems in Excel, save the file, then press “Read the file again”.</source>
      <translation>Tệp có {count} lỗi: chưa nhập gì cho đến khi tệp được sửa. Hãy sửa các dòng nêu trong mục Lỗi và cảnh báo bằng Excel, lưu tệp, rồi bấm “Đọc lại tệp”.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Đang nhập…</translation>
    </message>
  </context>
  <context>
    <name>TemplateSummary</name>
    <message>
      <source>Plan No. {number} of {date} — {issuer}</source>
      <translation>Kế hoạch số {number} ngày {date} — {issuer}</translation>
    </message>
    <message>
      <source>Year: {year}. Registration due: {due}.</source>
      <translation>Năm: {year}. Hạn gửi đăng ký thi đua: {due}.</translation>
    </message>
    <message>
      <source>{phase}: {start} – {end}, report due {due}</source>
      <translation>{phase}: {start} – {end}, hạn gửi báo cáo {due}</translation>
    </message>
    <message>
      <source>{movements} movements, {indicators} indicators, {titles} titles and commendations, {rules} rules.</source>
      <translation>{movements} phong trào, {indicators} chỉ tiêu, {titles} danh hiệu và hình thức khen thưởng, {rules} quy định.</translation>
    </message>
  </context>
  <context>
    <name>TimelineWidget</name>
    <message>
      <source>Today</source>
      <translation>Hôm nay</translation>
    </message>
  </context>
  <context>
    <name>TrustDialog</name>
    <message>
      <source>Trusted certificates</source>
      <translation>Chứng thư số tin cậy</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Holder</source>
      <translation>Người/đơn vị sở hữu</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>Hiệu lực đến</translation>
    </message>
    <message>
      <source>Fingerprint (SHA-256)</source>
      <translation>Dấu vân tay (SHA-256)</translation>
    </message>
    <message>
      <source>Add from a file…</source>
      <translation>Thêm từ tệp…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>A signed file is accepted when its signer's certificate, or the authority that issued it, is in this list: the upper union's certificate, the certificates of the grassroots unions it receives, or a certificate authority.</source>
      <translation>Tệp đã ký được chấp nhận khi chứng thư số của người ký, hoặc của tổ chức cấp chứng thư đó, có trong danh sách này: chứng thư của công đoàn cấp trên, chứng thư của các CĐCS gửi lên, hoặc của tổ chức cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
      <source>Choose the certificate to trust</source>
      <translation>Chọn chứng thư số cần tin cậy</translation>
    </message>
    <message>
      <source>Certificate (*.pem *.crt *.cer *.der);;All files (*)</source>
      <translation>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Trusted: {subject} ({fingerprint}).</source>
      <translation>Đã tin cậy: {subject} ({fingerprint}).</translation>
    </message>
    <message>
      <source>Remove {subject} from the trusted certificates?</source>
      <translation>Xóa {subject} khỏi danh sách chứng thư tin cậy?</translation>
    </message>
    <message>
      <source>Files it signed will no longer be accepted here.</source>
      <translation>Các tệp do chứng thư này ký sẽ không còn được chấp nhận trên máy này.</translation>
    </message>
    <message>
      <source>Removed.</source>
      <translation>Đã xóa.</translation>
    </message>
  </context>
  <context>
    <name>UnitDialog</name>
    <message>
      <source>Add a subordinate unit</source>
      <translation>Thêm đơn vị trực thuộc</translation>
    </message>
    <message>
      <source>Edit a subordinate unit</source>
      <translation>Sửa đơn vị trực thuộc</translation>
    </message>
    <message>
      <source>Letters A–Z without accents, digits and - _ . (not first); up to 40 characters. Small letters become capitals.</source>
      <translation>Chữ cái A–Z không dấu, chữ số và các dấu - _ . (không đứng đầu); tối đa 40 ký tự. Chữ thường được đổi thành chữ hoa.</translation>
    </message>
    <message>
      <source>Code *</source>
      <translation>Mã *</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>Tên *</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
  </context>
  <context>
    <name>UnitForm</name>
    <message>
      <source>e.g. Công đoàn cơ sở Công ty TNHH May Hoa Lư</source>
      <translation>VD: Công đoàn cơ sở Công ty TNHH May Hoa Lư</translation>
    </message>
    <message>
      <source>e.g. LĐLĐ huyện Gia Viễn</source>
      <translation>VD: LĐLĐ huyện Gia Viễn</translation>
    </message>
    <message>
      <source>e.g. LĐLĐ tỉnh Ninh Bình</source>
      <translation>VD: LĐLĐ tỉnh Ninh Bình</translation>
    </message>
    <message>
      <source>e.g. Gia Viễn</source>
      <translation>VD: Gia Viễn</translation>
    </message>
    <message>
      <source>e.g. Công ty TNHH May Hoa Lư</source>
      <translation>VD: Công ty TNHH May Hoa Lư</translation>
    </message>
    <message>
      <source>(not said: the sector decides)</source>
      <translation>(chưa chọn: theo khu vực)</translation>
    </message>
    <message>
      <source>empty: the standing committee of the direct upper union</source>
      <translation>để trống: Ban Thường vụ công đoàn cấp trên trực tiếp</translation>
    </message>
    <message>
      <source>Full name of the chair</source>
      <translation>Họ và tên chủ tịch</translation>
    </message>
    <message>
      <source>Name of the grassroots union *</source>
      <translation>Tên công đoàn cơ sở *</translation>
    </message>
    <message>
      <source>The full name, as in the decision that founded the union.</source>
      <translation>Tên đầy đủ, như trong quyết định thành lập công đoàn cơ sở.</translation>
    </message>
    <message>
      <source>Issuer code *</source>
      <translation>Ký hiệu cơ quan ban hành *</translation>
    </message>
    <message>
      <source>Printed after the document number, e.g. Số: 05/BC-CĐCS.</source>
      <translation>In sau số văn bản, ví dụ: Số: 05/BC-CĐCS.</translation>
    </message>
    <message>
      <source>Direct upper union *</source>
      <translation>Công đoàn cấp trên trực tiếp *</translation>
    </message>
    <message>
      <source>First line of the document header, e.g. LĐLĐ huyện Gia Viễn.</source>
      <translation>Dòng đầu tiên ở góc trái văn bản, ví dụ: LĐLĐ huyện Gia Viễn.</translation>
    </message>
    <message>
      <source>Upper union (line above)</source>
      <translation>Công đoàn cấp trên (dòng trên)</translation>
    </message>
    <message>
      <source>The union above the direct upper union, e.g. LĐLĐ tỉnh Ninh Bình.</source>
      <translation>Công đoàn cấp trên của công đoàn cấp trên trực tiếp, ví dụ: LĐLĐ tỉnh Ninh Bình.</translation>
    </message>
    <message>
      <source>Place name *</source>
      <translation>Địa danh *</translation>
    </message>
    <message>
      <source>Used in the date line of documents: Gia Viễn, ngày … tháng … năm …</source>
      <translation>Dùng ở dòng ngày tháng của văn bản: Gia Viễn, ngày … tháng … năm …</translation>
    </message>
    <message>
      <source>Employer</source>
      <translation>Cơ quan, doanh nghiệp</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Khu vực</translation>
    </message>
    <message>
      <source>Kind of unit</source>
      <translation>Loại hình đơn vị</translation>
    </message>
    <message>
      <source>Decides which of the plan's indicators apply to the union: those for state agencies, public service units or enterprises are registered, computed and printed only where they apply. Choosing a kind sets the sector.</source>
      <translation>Quyết định chỉ tiêu nào của kế hoạch áp dụng cho công đoàn: chỉ tiêu dành cho cơ quan nhà nước, đơn vị sự nghiệp hay doanh nghiệp chỉ được đăng ký, tính và in ở nơi áp dụng. Chọn loại hình thì khu vực được đặt theo.</translation>
    </message>
    <message>
      <source>Reports go to</source>
      <translation>Nơi nhận báo cáo</translation>
    </message>
    <message>
      <source>Printed after “Kính gửi:” on the registration and the reports, e.g. when the body that receives reports is not the direct upper union (unions were reorganised in 2025).</source>
      <translation>In sau “Kính gửi:” trên bản đăng ký và các báo cáo, ví dụ khi nơi nhận báo cáo không phải công đoàn cấp trên trực tiếp (các cấp công đoàn đã sắp xếp lại năm 2025).</translation>
    </message>
    <message>
      <source>Upper union's email</source>
      <translation>Email công đoàn cấp trên</translation>
    </message>
    <message>
      <source>Reports are sent to this address.</source>
      <translation>Báo cáo được gửi tới địa chỉ này.</translation>
    </message>
    <message>
      <source>Union's email</source>
      <translation>Email công đoàn cơ sở</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Chair *</source>
      <translation>Chủ tịch *</translation>
    </message>
    <message>
      <source>Signs documents on behalf of the executive committee.</source>
      <translation>Ký văn bản thay mặt Ban Chấp hành.</translation>
    </message>
    <message>
      <source>Deputy chairs</source>
      <translation>Phó chủ tịch</translation>
    </message>
    <message>
      <source>State agency</source>
      <translation>Cơ quan nhà nước</translation>
    </message>
    <message>
      <source>Public service unit (administrative and public service sector)</source>
      <translation>Đơn vị sự nghiệp công lập (khối hành chính sự nghiệp)</translation>
    </message>
    <message>
      <source>State-owned enterprise</source>
      <translation>Doanh nghiệp nhà nước</translation>
    </message>
    <message>
      <source>Non-state enterprise</source>
      <translation>Doanh nghiệp ngoài nhà nước</translation>
    </message>
    <message>
      <source>Foreign-invested enterprise (FDI)</source>
      <translation>Doanh nghiệp có vốn đầu tư nước ngoài (FDI)</translation>
    </message>
    <message>
      <source>Cooperative or other non-state organisation</source>
      <translation>Hợp tác xã, tổ chức khác ngoài nhà nước</translation>
    </message>
    <message>
      <source>“{text}” is not an email address: write it as name@domain.vn, without spaces.</source>
      <translation>“{text}” không phải là địa chỉ email: hãy viết theo dạng ten@tenmien.vn, không có dấu cách.</translation>
    </message>
    <message>
      <source>“{text}” is not a phone number: digits with spaces, dots or dashes (9 to 12 digits), e.g. 0912 345 678.</source>
      <translation>“{text}” không phải là số điện thoại: chỉ gồm chữ số, có thể có dấu cách, dấu chấm hoặc gạch ngang (9 đến 12 chữ số), ví dụ 0912 345 678.</translation>
    </message>
    <message>
      <source>name of the grassroots union</source>
      <translation>tên công đoàn cơ sở</translation>
    </message>
    <message>
      <source>issuer code</source>
      <translation>ký hiệu cơ quan ban hành</translation>
    </message>
    <message>
      <source>direct upper union</source>
      <translation>công đoàn cấp trên trực tiếp</translation>
    </message>
    <message>
      <source>place name</source>
      <translation>địa danh</translation>
    </message>
    <message>
      <source>chair</source>
      <translation>chủ tịch</translation>
    </message>
  </context>
  <context>
    <name>UnitPage</name>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Undo changes</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <source>This is how the heading of every document will print.</source>
      <translation>Phần đầu của mọi văn bản sẽ được in như thế này.</translation>
    </message>
    <message>
      <source>Document header</source>
      <translation>Phần đầu văn bản</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
  </context>
  <context>
    <name>UnitWizardPage</name>
    <message>
      <source>Your union</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Fields marked * are needed. The preview shows the heading of your documents.</source>
      <translation>Các mục có dấu * là bắt buộc. Phần xem trước cho thấy phần đầu văn bản của đơn vị.</translation>
    </message>
    <message>
      <source>Still needed: {fields}.</source>
      <translation>Còn thiếu: {fields}.</translation>
    </message>
  </context>
  <context>
    <name>UpperPage</name>
    <message>
      <source>Consolidation</source>
      <translation>Tổng hợp</translation>
    </message>
    <message>
      <source>Take in the workbooks the grassroots unions sent (drop files or folders here, or choose them). Each is checked: its digital signature, its unit, year and report. A file that fails is set aside with the reason; of several versions of a report the newest valid one counts.</source>
      <translation>Nhận các sổ tính công đoàn cơ sở gửi lên (thả tệp hoặc thư mục vào đây, hoặc chọn tệp). Mỗi tệp được kiểm tra chữ ký số, đơn vị, năm và loại báo cáo. Tệp không đạt được để riêng kèm lý do; báo cáo có nhiều phiên bản thì tính phiên bản hợp lệ mới nhất.</translation>
    </message>
    <message>
      <source>Take in files…</source>
      <translation>Nhận tệp…</translation>
    </message>
    <message>
      <source>Take in a folder…</source>
      <translation>Nhận cả thư mục…</translation>
    </message>
    <message>
      <source>Trust a unit's signer on its first file (check the fingerprint by phone)</source>
      <translation>Tin cậy người ký của đơn vị ở tệp đầu tiên (đối chiếu dấu vân tay qua điện thoại)</translation>
    </message>
    <message>
      <source>Export the plan package…</source>
      <translation>Xuất gói kế hoạch…</translation>
    </message>
    <message>
      <source>The year's plan as a signed workbook for the grassroots unions to import</source>
      <translation>Kế hoạch của năm thành sổ tính đã ký số để các công đoàn cơ sở nhập</translation>
    </message>
    <message>
      <source>Drop workbooks or folders anywhere on this page</source>
      <translation>Thả sổ tính hoặc thư mục vào bất kỳ chỗ nào trên trang này</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Received files</source>
      <translation>Tệp đã nhận</translation>
    </message>
    <message>
      <source>Who has reported</source>
      <translation>Tình hình nộp</translation>
    </message>
    <message>
      <source>Indicators added up</source>
      <translation>Chỉ tiêu tổng hợp</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Mã</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên đơn vị</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Trusted signers</source>
      <translation>Người ký được tin cậy</translation>
    </message>
    <message>
      <source>Add a unit…</source>
      <translation>Thêm đơn vị…</translation>
    </message>
    <message>
      <source>Edit the unit…</source>
      <translation>Sửa đơn vị…</translation>
    </message>
    <message>
      <source>Remove the unit</source>
      <translation>Xóa đơn vị</translation>
    </message>
    <message>
      <source>Import a list…</source>
      <translation>Nhập danh sách…</translation>
    </message>
    <message>
      <source>Trust a signer…</source>
      <translation>Tin cậy người ký…</translation>
    </message>
    <message>
      <source>Set aside</source>
      <translation>Để riêng</translation>
    </message>
    <message>
      <source>Counts</source>
      <translation>Được tính</translation>
    </message>
    <message>
      <source>Older version</source>
      <translation>Phiên bản cũ</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Văn bản</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Đợt</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Bản</translation>
    </message>
    <message>
      <source>Dated</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Send back with comments…</source>
      <translation>Trả lại kèm ý kiến…</translation>
    </message>
    <message>
      <source>A small signed workbook with your comments, for the unit to import on the report it concerns</source>
      <translation>Một sổ tính nhỏ đã ký số ghi ý kiến của cấp trên, đơn vị nhập vào báo cáo liên quan</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>Đúng hạn</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>Muộn</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Chưa nộp</translation>
    </message>
    <message>
      <source>Not due yet</source>
      <translation>Chưa đến hạn</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Đã nộp</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>Đăng ký</translation>
    </message>
    <message>
      <source>Mid-year report</source>
      <translation>Sơ kết</translation>
    </message>
    <message>
      <source>Year report</source>
      <translation>Tổng kết</translation>
    </message>
    <message>
      <source>Export with the reminder list…</source>
      <translation>Xuất kèm danh sách cần nhắc…</translation>
    </message>
    <message>
      <source>Email the reminders…</source>
      <translation>Gửi thư nhắc…</translation>
    </message>
    <message>
      <source>One email to each unit with a report missing, through the outbox</source>
      <translation>Mỗi đơn vị còn thiếu báo cáo nhận một thư nhắc, qua hộp thư đi</translation>
    </message>
    <message>
      <source>Export workbook…</source>
      <translation>Xuất Excel…</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>Xuất PDF…</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Unit of measure</source>
      <translation>Đơn vị tính</translation>
    </message>
    <message>
      <source>Applies to</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>{n} applicable units</source>
      <translation>{n} đơn vị áp dụng</translation>
    </message>
    <message>
      <source>Registered target</source>
      <translation>Chỉ tiêu đăng ký</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>% of target</source>
      <translation>% so với đăng ký</translation>
    </message>
    <message>
      <source>Numerator</source>
      <translation>Tử số</translation>
    </message>
    <message>
      <source>Denominator</source>
      <translation>Mẫu số</translation>
    </message>
    <message>
      <source>Click an indicator to see each unit's figure.</source>
      <translation>Bấm vào một chỉ tiêu để xem số liệu của từng đơn vị.</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Kỳ</translation>
    </message>
    <message>
      <source>{n} units to remind</source>
      <translation>{n} đơn vị cần nhắc</translation>
    </message>
    <message>
      <source>The year</source>
      <translation>Cả năm</translation>
    </message>
    <message>
      <source>Phase {n}</source>
      <translation>Đợt {n}</translation>
    </message>
    <message>
      <source>{n} reports added up; {m} units without a report</source>
      <translation>Đã tổng hợp {n} báo cáo; {m} đơn vị chưa có báo cáo</translation>
    </message>
    <message>
      <source>{code} {name}: each unit's figure</source>
      <translation>{code} {name}: số liệu từng đơn vị</translation>
    </message>
    <message>
      <source>Workbooks to take in</source>
      <translation>Chọn sổ tính cần nhận</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx *.xlsm)</source>
      <translation>Sổ tính Excel (*.xlsx *.xlsm)</translation>
    </message>
    <message>
      <source>Folder of workbooks to take in</source>
      <translation>Chọn thư mục sổ tính cần nhận</translation>
    </message>
    <message>
      <source>Taking in the workbooks…</source>
      <translation>Đang nhận các sổ tính…</translation>
    </message>
    <message>
      <source>{n} files taken in, {m} set aside.</source>
      <translation>Đã nhận {n} tệp, để riêng {m} tệp.</translation>
    </message>
    <message>
      <source>Signers trusted on their first file: read these fingerprints back to the units by phone.</source>
      <translation>Người ký được tin cậy ở tệp đầu tiên: hãy gọi điện đọc lại các dấu vân tay này cho đơn vị để đối chiếu.</translation>
    </message>
    <message>
      <source>Unit {code} added.</source>
      <translation>Đã thêm đơn vị {code}.</translation>
    </message>
    <message>
      <source>Choose a unit in the list first.</source>
      <translation>Hãy chọn một đơn vị trong danh sách trước.</translation>
    </message>
    <message>
      <source>Unit {code} saved.</source>
      <translation>Đã lưu đơn vị {code}.</translation>
    </message>
    <message>
      <source>Remove {code} {name} from the list?</source>
      <translation>Xóa {code} {name} khỏi danh sách?</translation>
    </message>
    <message>
      <source>The files received from it are kept.</source>
      <translation>Các tệp đã nhận của đơn vị vẫn được giữ.</translation>
    </message>
    <message>
      <source>Unit {code} removed.</source>
      <translation>Đã xóa đơn vị {code}.</translation>
    </message>
    <message>
      <source>List of units (columns Code, Name, Email)</source>
      <translation>Danh sách đơn vị (cột Mã, Tên, Email)</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
      <translation>Bảng tính (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
      <source>The list of units was imported.</source>
      <translation>Đã nhập danh sách đơn vị.</translation>
    </message>
    <message>
      <source>A signed workbook or certificate of the unit</source>
      <translation>Sổ tính đã ký hoặc chứng thư số của đơn vị</translation>
    </message>
    <message>
      <source>Signed workbooks or certificates (*.xlsx *.pem *.cer *.crt)</source>
      <translation>Sổ tính đã ký hoặc chứng thư số (*.xlsx *.pem *.cer *.crt)</translation>
    </message>
    <message>
      <source>Trust this signer for {code}?</source>
      <translation>Tin cậy người ký này cho đơn vị {code}?</translation>
    </message>
    <message>
      <source>Read the fingerprint to the unit by phone; trust it only if it matches:
{fp}</source>
      <translation>Gọi điện đọc dấu vân tay cho đơn vị; chỉ tin cậy khi khớp:
{fp}</translation>
    </message>
    <message>
      <source>Signer trusted for {code}.</source>
      <translation>Đã tin cậy người ký cho đơn vị {code}.</translation>
    </message>
    <message>
      <source>Choose a mid-year or year report that was taken in first.</source>
      <translation>Hãy chọn trước một báo cáo đã nhận (sơ kết hoặc tổng kết).</translation>
    </message>
    <message>
      <source>Send the report back</source>
      <translation>Trả lại báo cáo</translation>
    </message>
    <message>
      <source>Comments for {code} on {file}:</source>
      <translation>Ý kiến gửi {code} về tệp {file}:</translation>
    </message>
    <message>
      <source>The upper union's key file</source>
      <translation>Tệp khóa của công đoàn cấp trên</translation>
    </message>
    <message>
      <source>Key files (*.p12 *.pfx)</source>
      <translation>Tệp khóa (*.p12 *.pfx)</translation>
    </message>
    <message>
      <source>Sign the return</source>
      <translation>Ký số phiếu trả lại</translation>
    </message>
    <message>
      <source>Password of {key}:</source>
      <translation>Mật khẩu của {key}:</translation>
    </message>
    <message>
      <source>Save the return</source>
      <translation>Lưu phiếu trả lại</translation>
    </message>
    <message>
      <source>Return saved: {path}. Send it to the unit.</source>
      <translation>Đã lưu phiếu trả lại: {path}. Hãy gửi cho đơn vị.</translation>
    </message>
    <message>
      <source>Export who has reported</source>
      <translation>Xuất tình hình nộp báo cáo</translation>
    </message>
    <message>
      <source>{n} reminders put in the outbox (Documents and sending).</source>
      <translation>Đã xếp {n} thư nhắc vào hộp thư đi (Văn bản &amp; gửi).</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Export the consolidation</source>
      <translation>Xuất báo cáo tổng hợp</translation>
    </message>
    <message>
      <source>Saved {path}.</source>
      <translation>Đã lưu {path}.</translation>
    </message>
  </context>
  <context>
    <name>VerdictDialog</name>
    <message>
      <source>Checking a signature</source>
      <translation>Kiểm tra chữ ký số</translation>
    </message>
    <message>
      <source>Trust this certificate…</source>
      <translation>Tin cậy chứng thư này…</translation>
    </message>
    <message>
      <source>After the signer has read out the fingerprint of their certificate on the phone and it matches: files they sign are then accepted here.</source>
      <translation>Sau khi người ký đã đọc dấu vân tay chứng thư số của họ qua điện thoại và thấy khớp: các tệp họ ký sẽ được chấp nhận trên máy này.</translation>
    </message>
    <message>
      <source>Cannot be read</source>
      <translation>Không đọc được</translation>
    </message>
    <message>
      <source>Not valid</source>
      <translation>Không hợp lệ</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Hợp lệ</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Kết luận</translation>
    </message>
    <message>
      <source>Signer</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <source>Signed at</source>
      <translation>Thời điểm ký</translation>
    </message>
    <message>
      <source>What the signature covers</source>
      <translation>Phạm vi chữ ký</translation>
    </message>
    <message>
      <source>Known: the signer's certificate is registered on this computer</source>
      <translation>Đã biết: chứng thư số của người ký đã được đăng ký trên máy này</translation>
    </message>
    <message>
      <source>Trusted: issued by a trusted certificate authority</source>
      <translation>Tin cậy: do tổ chức chứng thực được tin cậy cấp</translation>
    </message>
    <message>
      <source>Neither trusted nor known</source>
      <translation>Chưa được tin cậy, chưa được đăng ký</translation>
    </message>
    <message>
      <source>Trust</source>
      <translation>Độ tin cậy</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>Dấu vân tay</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Chi tiết</translation>
    </message>
    <message>
      <source>Trusted: {subject} ({fingerprint}). The file was checked again.</source>
      <translation>Đã tin cậy: {subject} ({fingerprint}). Tệp đã được kiểm tra lại.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
  </context>
  <context>
    <name>VoteDialog</name>
    <message>
      <source>Votes for {title}</source>
      <translation>Số phiếu — {title}</translation>
    </message>
    <message>
      <source>Not decided (decide by majority)</source>
      <translation>Chưa quyết định (xét theo đa số)</translation>
    </message>
    <message>
      <source>Achieved</source>
      <translation>Đạt</translation>
    </message>
    <message>
      <source>Not achieved</source>
      <translation>Không đạt</translation>
    </message>
    <message>
      <source>Votes for</source>
      <translation>Số phiếu đồng ý</translation>
    </message>
    <message>
      <source>Votes cast</source>
      <translation>Tổng số phiếu</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <source>Welcome</source>
      <translation>Chào mừng</translation>
    </message>
    <message>
      <source>A few steps to set up your union and this year's emulation plan.</source>
      <translation>Vài bước để khai báo đơn vị và kế hoạch thi đua của năm.</translation>
    </message>
    <message>
      <source>This program helps the grassroots union run its emulation movement through the year: the plan and its deadlines, the roster, registrations, initiatives, phase reports and the year-end review.

The next pages ask for the union's name and the lines printed at the top of its documents, who signs for the executive committee, and the plan the year follows. Everything can be changed later on the Unit page.</source>
      <translation>Chương trình giúp công đoàn cơ sở theo dõi phong trào thi đua suốt cả năm: kế hoạch và các thời hạn, danh sách đoàn viên, đăng ký thi đua, sáng kiến, báo cáo sơ kết và bình xét cuối năm.

Các bước tiếp theo hỏi tên công đoàn cơ sở và các dòng in ở đầu văn bản, người ký thay mặt Ban Chấp hành, và kế hoạch thi đua áp dụng cho năm. Mọi thông tin đều sửa lại được ở trang Đơn vị.</translation>
    </message>
    <message>
      <source>The data will be kept in {folder}</source>
      <translation>Dữ liệu sẽ được lưu tại {folder}</translation>
    </message>
    <message>
      <source>This is an upper-level union: it takes in and adds up the reports of its grassroots unions</source>
      <translation>Đây là công đoàn cấp trên: nhận và tổng hợp báo cáo của các công đoàn cơ sở trực thuộc</translation>
    </message>
  </context>
  <context>
    <name>WorkbookExport</name>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Writing {file}…</source>
      <translation>Đang ghi {file}…</translation>
    </message>
    <message>
      <source>Open the file</source>
      <translation>Mở tệp</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>The file {file} could not be written: {reason}</source>
      <translation>Không ghi được tệp {file}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>YearStartChooser</name>
    <message>
      <source>The upper union's plan package (Excel file)</source>
      <translation>Gói kế hoạch của công đoàn cấp trên (tệp Excel)</translation>
    </message>
    <message>
      <source>Copy an earlier year</source>
      <translation>Sao chép một năm trước</translation>
    </message>
    <message>
      <source>Blank standard template</source>
      <translation>Mẫu chuẩn (chưa có kế hoạch của cấp trên)</translation>
    </message>
    <message>
      <source>Built-in plan of this year</source>
      <translation>Kế hoạch có sẵn của đúng năm này</translation>
    </message>
    <message>
      <source>Its plan number, date, issuer and title, phases, deadlines, movements and indicators with the upper union's targets, as the upper union sent them, signed. Every change is shown before it is applied.</source>
      <translation>Số, ngày, cơ quan ban hành và tên kế hoạch, các đợt, thời hạn, phong trào và chỉ tiêu kèm chỉ tiêu của cấp trên, đúng như công đoàn cấp trên đã gửi và ký số. Mọi thay đổi được hiển thị trước khi áp dụng.</translation>
    </message>
    <message>
      <source>Phases, movements and indicators of that year, dates moved to the new year. The new plan's number, date, issuer and title are left empty until you enter them, and last year's targets are not kept.</source>
      <translation>Các đợt, phong trào và chỉ tiêu của năm đó, ngày tháng chuyển sang năm mới. Số, ngày, cơ quan ban hành và tên kế hoạch mới để trống cho đến khi bạn nhập; chỉ tiêu của cấp trên năm trước không giữ lại.</translation>
    </message>
    <message>
      <source>The movements the Vietnam General Confederation of Labour runs every year and the usual indicators, two half-year phases. It cites no plan and carries no upper-union figures: enter your upper union's plan (Year › Edit the year's plan…) when you have it; until then no document cites a plan.</source>
      <translation>Các phong trào Tổng Liên đoàn phát động hằng năm và các chỉ tiêu thường dùng, hai đợt sáu tháng. Mẫu không trích dẫn kế hoạch nào và không có chỉ tiêu của cấp trên: khi có kế hoạch của công đoàn cấp trên, hãy nhập vào (Năm › Sửa kế hoạch năm…); đến lúc đó chưa văn bản nào trích dẫn kế hoạch.</translation>
    </message>
    <message>
      <source>Year to create</source>
      <translation>Năm cần lập</translation>
    </message>
    <message>
      <source>How to start it:</source>
      <translation>Cách lập năm:</translation>
    </message>
    <message>
      <source>the upper union's plan package (imported after Finish)</source>
      <translation>gói kế hoạch của công đoàn cấp trên (nhập ngay sau khi bấm Hoàn tất)</translation>
    </message>
    <message>
      <source>copy of {year}</source>
      <translation>sao chép năm {year}</translation>
    </message>
    <message>
      <source>Plan No. {number} — {issuer}</source>
      <translation>Kế hoạch số {number} — {issuer}</translation>
    </message>
    <message>
      <source>blank standard template</source>
      <translation>mẫu chuẩn</translation>
    </message>
    <message>
      <source>The plan as it was issued, with its own number, date and targets; it exists for {year} only.</source>
      <translation>Kế hoạch đúng như đã ban hành, với số, ngày và chỉ tiêu của nó; chỉ có cho năm {year}.</translation>
    </message>
    <message>
      <source>None for {year}: the built-in plans are real documents of their own year ({years}) and are never moved to another year.</source>
      <translation>Không có cho năm {year}: các kế hoạch có sẵn là văn bản thật của năm mình ({years}), không bao giờ được chuyển sang năm khác.</translation>
    </message>
    <message>
      <source>None for {year}.</source>
      <translation>Không có cho năm {year}.</translation>
    </message>
    <message>
      <source>{movements} movements and {indicators} indicators; registration due 28/02/{year}, reports due 5 days after each half-year — defaults you can change.</source>
      <translation>{movements} phong trào và {indicators} chỉ tiêu; hạn đăng ký 28/02/{year}, hạn báo cáo 5 ngày sau mỗi đợt sáu tháng — là mặc định, sửa được.</translation>
    </message>
  </context>
</TS>
