<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Vietnamese for the Qt strings our widgets show (Qt ships no qtbase_vi).
     Contexts and source texts are Qt 6's own (checked against the qtbase_*.qm Qt ships).
     Compiled by tools/i18n.py; loaded only when Qt has no qtbase_vi.qm of its own. -->
<TS version="2.1" language="vi_VN" sourcelanguage="en">
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Drive</source>
            <translation>Ổ đĩa</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Lối tắt</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Bí danh</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
        <message>
            <source>File Folder</source>
            <translation>Thư mục tệp</translation>
        </message>
    </context>
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <source>&amp;Select All</source>
            <translation>&amp;Chọn tất cả</translation>
        </message>
        <message>
            <source>&amp;Step up</source>
            <translation>&amp;Tăng</translation>
        </message>
        <message>
            <source>Step &amp;down</source>
            <translation>&amp;Giảm</translation>
        </message>
    </context>
    <context>
        <name>QColorDialog</name>
        <message>
            <source>Select Color</source>
            <translation>Chọn màu</translation>
        </message>
        <message>
            <source>&amp;Basic colors</source>
            <translation>Màu &amp;cơ bản</translation>
        </message>
        <message>
            <source>&amp;Custom colors</source>
            <translation>Màu &amp;tự chọn</translation>
        </message>
        <message>
            <source>&amp;Add to Custom Colors</source>
            <translation>&amp;Thêm vào màu tự chọn</translation>
        </message>
        <message>
            <source>&amp;Pick Screen Color</source>
            <translation>&amp;Lấy màu trên màn hình</translation>
        </message>
        <message>
            <source>Cursor at %1, %2
Press ESC to cancel</source>
            <translation>Con trỏ ở %1, %2
Nhấn ESC để hủy</translation>
        </message>
        <message>
            <source>Hu&amp;e:</source>
            <translation>Sắc &amp;độ:</translation>
        </message>
        <message>
            <source>&amp;Sat:</source>
            <translation>Độ &amp;bão hòa:</translation>
        </message>
        <message>
            <source>&amp;Val:</source>
            <translation>Độ &amp;sáng:</translation>
        </message>
        <message>
            <source>&amp;Red:</source>
            <translation>Đ&amp;ỏ:</translation>
        </message>
        <message>
            <source>&amp;Green:</source>
            <translation>&amp;Lục:</translation>
        </message>
        <message>
            <source>Bl&amp;ue:</source>
            <translation>L&amp;am:</translation>
        </message>
        <message>
            <source>A&amp;lpha channel:</source>
            <translation>Độ &amp;trong suốt:</translation>
        </message>
        <message>
            <source>&amp;HTML:</source>
            <translation>&amp;HTML:</translation>
        </message>
    </context>
    <context>
        <name>QComboBox</name>
        <message>
            <source>Open the combo box selection popup</source>
            <translation>Mở danh sách lựa chọn</translation>
        </message>
        <message>
            <source>False</source>
            <translation>Sai</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Đúng</translation>
        </message>
    </context>
    <context>
        <name>QCupsJobWidget</name>
        <message>
            <source>Job</source>
            <translation>Lệnh in</translation>
        </message>
        <message>
            <source>Job Control</source>
            <translation>Điều khiển lệnh in</translation>
        </message>
        <message>
            <source>Scheduled &amp;printing:</source>
            <translation>&amp;Hẹn giờ in:</translation>
        </message>
        <message>
            <source>&amp;Billing information:</source>
            <translation>Thông tin &amp;thanh toán:</translation>
        </message>
        <message>
            <source>Job &amp;priority:</source>
            <translation>Mức &amp;ưu tiên:</translation>
        </message>
        <message>
            <source>Banner Pages</source>
            <translation>Trang bìa</translation>
        </message>
        <message>
            <source>&amp;Start:</source>
            <translation>Đầ&amp;u:</translation>
        </message>
        <message>
            <source>&amp;End:</source>
            <translation>&amp;Cuối:</translation>
        </message>
        <message>
            <source>Print Immediately</source>
            <translation>In ngay</translation>
        </message>
        <message>
            <source>Hold Indefinitely</source>
            <translation>Giữ lại, chưa in</translation>
        </message>
        <message>
            <source>Day (06:00 to 17:59)</source>
            <translation>Ban ngày (06:00 đến 17:59)</translation>
        </message>
        <message>
            <source>Night (18:00 to 05:59)</source>
            <translation>Ban đêm (18:00 đến 05:59)</translation>
        </message>
        <message>
            <source>Second Shift (16:00 to 23:59)</source>
            <translation>Ca hai (16:00 đến 23:59)</translation>
        </message>
        <message>
            <source>Third Shift (00:00 to 07:59)</source>
            <translation>Ca ba (00:00 đến 07:59)</translation>
        </message>
        <message>
            <source>Weekend (Saturday to Sunday)</source>
            <translation>Cuối tuần (thứ Bảy đến Chủ nhật)</translation>
        </message>
        <message>
            <source>Specific Time</source>
            <translation>Vào giờ định sẵn</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Không có</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Tiêu chuẩn</translation>
        </message>
        <message>
            <source>Unclassified</source>
            <translation>Không mật</translation>
        </message>
        <message>
            <source>Confidential</source>
            <translation>Mật</translation>
        </message>
        <message>
            <source>Classified</source>
            <translation>Hạn chế</translation>
        </message>
        <message>
            <source>Secret</source>
            <translation>Tối mật</translation>
        </message>
        <message>
            <source>Top Secret</source>
            <translation>Tuyệt mật</translation>
        </message>
    </context>
    <context>
        <name>QCupsPrinterSupport</name>
        <message>
            <source>Authentication Needed</source>
            <translation>Cần xác thực</translation>
        </message>
        <message>
            <source>Authentication needed to use %1.</source>
            <translation>Cần xác thực để dùng %1.</translation>
        </message>
        <message>
            <source>Authentication needed to use %1 on %2.</source>
            <translation>Cần xác thực để dùng %1 trên %2.</translation>
        </message>
        <message>
            <source>Username:</source>
            <translation>Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Mật khẩu:</translation>
        </message>
    </context>
    <context>
        <name>QDialog</name>
        <message>
            <source>What's This?</source>
            <translation>Đây là gì?</translation>
        </message>
    </context>
    <context>
        <name>QDialogButtonBox</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>QDockWidget</name>
        <message>
            <source>Float</source>
            <translation>Tách rời</translation>
        </message>
        <message>
            <source>Undocks and re-attaches the dock widget</source>
            <translation>Tách hoặc gắn lại khung</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Closes the dock widget</source>
            <translation>Đóng khung</translation>
        </message>
    </context>
    <context>
        <name>QErrorMessage</name>
        <message>
            <source>&amp;Show this message again</source>
            <translation>&amp;Hiện lại thông báo này</translation>
        </message>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>Debug Message:</source>
            <translation>Thông báo gỡ lỗi:</translation>
        </message>
        <message>
            <source>Warning:</source>
            <translation>Cảnh báo:</translation>
        </message>
        <message>
            <source>Fatal Error:</source>
            <translation>Lỗi nghiêm trọng:</translation>
        </message>
        <message>
            <source>Critical Error:</source>
            <translation>Lỗi nghiêm trọng:</translation>
        </message>
        <message>
            <source>Information:</source>
            <translation>Thông tin:</translation>
        </message>
        <message>
            <source>An error occurred</source>
            <translation>Đã xảy ra lỗi</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>All Files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Tiến tới</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>Tiến tới</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Thư mục cha</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>Lên thư mục cha</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Tạo thư mục mới</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>Tạo một thư mục mới</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Xem dạng danh sách</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>Chuyển sang xem dạng danh sách</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Xem chi tiết</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>Chuyển sang xem chi tiết</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>Thanh bên</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>Danh sách địa điểm và dấu trang</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Lưu thành</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Chọn</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Thư mục:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Tên tệp:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Kiểu tệp:</translation>
        </message>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Tìm trong:</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translation>Tìm trong:</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Địa điểm gần đây</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>Đổi &amp;tên</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Hiện tệp &amp;ẩn</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Thư mục &amp;mới</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>Thư mục mới</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>Tìm thư mục</translation>
        </message>
        <message>
            <source>Show </source>
            <translation>Hiện </translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Ổ đĩa</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Bí danh</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Lối tắt</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Left</translation>
        </message>
        <message>
            <source>Alt+Right</source>
            <translation>Alt+Right</translation>
        </message>
        <message>
            <source>Alt+Up</source>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>%1 đã có.
Có muốn thay thế không?</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
        </message>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>'%1' được bảo vệ chống ghi.
Vẫn muốn xóa?</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Có chắc muốn xóa '%1'?</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translation>Không xóa được thư mục.</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Kích thước</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Kiểu</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Ngày sửa</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Máy tính</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Máy tính</translation>
        </message>
    </context>
    <context>
        <name>QFontDialog</name>
        <message>
            <source>Select Font</source>
            <translation>Chọn phông chữ</translation>
        </message>
        <message>
            <source>&amp;Font</source>
            <translation>&amp;Phông chữ</translation>
        </message>
        <message>
            <source>Font st&amp;yle</source>
            <translation>&amp;Kiểu chữ</translation>
        </message>
        <message>
            <source>&amp;Size</source>
            <translation>&amp;Cỡ chữ</translation>
        </message>
        <message>
            <source>Effects</source>
            <translation>Hiệu ứng</translation>
        </message>
        <message>
            <source>Stri&amp;keout</source>
            <translation>&amp;Gạch ngang</translation>
        </message>
        <message>
            <source>&amp;Underline</source>
            <translation>Gạch &amp;dưới</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>Mẫu</translation>
        </message>
        <message>
            <source>Wr&amp;iting System</source>
            <translation>&amp;Hệ chữ viết</translation>
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Hủy</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>Đó&amp;ng</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translation>Đóng, không lưu</translation>
        </message>
    </context>
    <context>
        <name>QInputDialog</name>
        <message>
            <source>Enter a value:</source>
            <translation>Nhập giá trị:</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <source>Show Details...</source>
            <translation>Xem chi tiết…</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Ẩn chi tiết…</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translation>Giới thiệu Qt</translation>
        </message>
        <message>
            <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Giới thiệu Qt&lt;/h3&gt;&lt;p&gt;Chương trình này dùng Qt phiên bản %1.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>QPageSetupWidget</name>
        <message>
            <source>Form</source>
            <translation>Biểu mẫu</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Giấy</translation>
        </message>
        <message>
            <source>Page size:</source>
            <translation>Khổ giấy:</translation>
        </message>
        <message>
            <source>Width:</source>
            <translation>Rộng:</translation>
        </message>
        <message>
            <source>Height:</source>
            <translation>Cao:</translation>
        </message>
        <message>
            <source>Paper source:</source>
            <translation>Khay giấy:</translation>
        </message>
        <message>
            <source>Orientation</source>
            <translation>Hướng giấy</translation>
        </message>
        <message>
            <source>Portrait</source>
            <translation>Dọc</translation>
        </message>
        <message>
            <source>Landscape</source>
            <translation>Ngang</translation>
        </message>
        <message>
            <source>Reverse landscape</source>
            <translation>Ngang, đảo chiều</translation>
        </message>
        <message>
            <source>Reverse portrait</source>
            <translation>Dọc, đảo chiều</translation>
        </message>
        <message>
            <source>Margins</source>
            <translation>Lề</translation>
        </message>
        <message>
            <source>top margin</source>
            <translation>lề trên</translation>
        </message>
        <message>
            <source>left margin</source>
            <translation>lề trái</translation>
        </message>
        <message>
            <source>right margin</source>
            <translation>lề phải</translation>
        </message>
        <message>
            <source>bottom margin</source>
            <translation>lề dưới</translation>
        </message>
        <message>
            <source>Page Layout</source>
            <translation>Bố cục trang</translation>
        </message>
        <message>
            <source>Page &amp;order:</source>
            <translation>&amp;Thứ tự trang:</translation>
        </message>
        <message>
            <source>Pages &amp;per sheet:</source>
            <translation>Số trang &amp;mỗi tờ:</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Tùy chỉnh</translation>
        </message>
        <message>
            <source>Millimeters (mm)</source>
            <translation>Mi-li-mét (mm)</translation>
        </message>
        <message>
            <source>Inches (in)</source>
            <translation>In-sơ (in)</translation>
        </message>
        <message>
            <source>Points (pt)</source>
            <translation>Point (pt)</translation>
        </message>
        <message>
            <source>Pica (P̸)</source>
            <translation>Pica (P̸)</translation>
        </message>
        <message>
            <source>Didot (DD)</source>
            <translation>Didot (DD)</translation>
        </message>
        <message>
            <source>Cicero (CC)</source>
            <translation>Cicero (CC)</translation>
        </message>
        <message>
            <source>mm</source>
            <translation>mm</translation>
        </message>
        <message>
            <source>in</source>
            <translation>in</translation>
        </message>
        <message>
            <source>pt</source>
            <translation>pt</translation>
        </message>
        <message>
            <source>P̸</source>
            <translation>P̸</translation>
        </message>
        <message>
            <source>DD</source>
            <translation>DD</translation>
        </message>
        <message>
            <source>CC</source>
            <translation>CC</translation>
        </message>
    </context>
    <context>
        <name>QPageSize</name>
        <message>
            <source>Custom</source>
            <translation>Tùy chỉnh</translation>
        </message>
        <message>
            <source>Postcard</source>
            <translation>Bưu thiếp</translation>
        </message>
        <message>
            <source>Double Postcard</source>
            <translation>Bưu thiếp đôi</translation>
        </message>
        <message>
            <source>Custom (%1mm x %2mm)</source>
            <translation>Tùy chỉnh (%1mm x %2mm)</translation>
        </message>
        <message>
            <source>Custom (%1pt x %2pt)</source>
            <translation>Tùy chỉnh (%1pt x %2pt)</translation>
        </message>
        <message>
            <source>Custom (%1in x %2in)</source>
            <translation>Tùy chỉnh (%1in x %2in)</translation>
        </message>
        <message>
            <source>Custom (%1pc x %2pc)</source>
            <translation>Tùy chỉnh (%1pc x %2pc)</translation>
        </message>
        <message>
            <source>Custom (%1DD x %2DD)</source>
            <translation>Tùy chỉnh (%1DD x %2DD)</translation>
        </message>
        <message>
            <source>Custom (%1CC x %2CC)</source>
            <translation>Tùy chỉnh (%1CC x %2CC)</translation>
        </message>
        <message>
            <source>Envelope C5</source>
            <translation>Phong bì C5</translation>
        </message>
        <message>
            <source>Envelope US 10</source>
            <translation>Phong bì US 10</translation>
        </message>
        <message>
            <source>Envelope DL</source>
            <translation>Phong bì DL</translation>
        </message>
        <message>
            <source>Envelope B4</source>
            <translation>Phong bì B4</translation>
        </message>
        <message>
            <source>Envelope B5</source>
            <translation>Phong bì B5</translation>
        </message>
        <message>
            <source>Envelope B6</source>
            <translation>Phong bì B6</translation>
        </message>
        <message>
            <source>Envelope C0</source>
            <translation>Phong bì C0</translation>
        </message>
        <message>
            <source>Envelope C1</source>
            <translation>Phong bì C1</translation>
        </message>
        <message>
            <source>Envelope C2</source>
            <translation>Phong bì C2</translation>
        </message>
        <message>
            <source>Envelope C3</source>
            <translation>Phong bì C3</translation>
        </message>
        <message>
            <source>Envelope C4</source>
            <translation>Phong bì C4</translation>
        </message>
        <message>
            <source>Envelope C6</source>
            <translation>Phong bì C6</translation>
        </message>
        <message>
            <source>Envelope C65</source>
            <translation>Phong bì C65</translation>
        </message>
        <message>
            <source>Envelope C7</source>
            <translation>Phong bì C7</translation>
        </message>
        <message>
            <source>Envelope US 9</source>
            <translation>Phong bì US 9</translation>
        </message>
        <message>
            <source>Envelope US 11</source>
            <translation>Phong bì US 11</translation>
        </message>
        <message>
            <source>Envelope US 12</source>
            <translation>Phong bì US 12</translation>
        </message>
        <message>
            <source>Envelope US 14</source>
            <translation>Phong bì US 14</translation>
        </message>
        <message>
            <source>Envelope Monarch</source>
            <translation>Phong bì Monarch</translation>
        </message>
        <message>
            <source>Envelope Personal</source>
            <translation>Phong bì Personal</translation>
        </message>
        <message>
            <source>Envelope Chou 3</source>
            <translation>Phong bì Chou 3</translation>
        </message>
        <message>
            <source>Envelope Chou 4</source>
            <translation>Phong bì Chou 4</translation>
        </message>
        <message>
            <source>Envelope Invite</source>
            <translation>Phong bì Invite</translation>
        </message>
        <message>
            <source>Envelope Italian</source>
            <translation>Phong bì Italian</translation>
        </message>
        <message>
            <source>Envelope Kaku 2</source>
            <translation>Phong bì Kaku 2</translation>
        </message>
        <message>
            <source>Envelope Kaku 3</source>
            <translation>Phong bì Kaku 3</translation>
        </message>
        <message>
            <source>Envelope PRC 1</source>
            <translation>Phong bì PRC 1</translation>
        </message>
        <message>
            <source>Envelope PRC 2</source>
            <translation>Phong bì PRC 2</translation>
        </message>
        <message>
            <source>Envelope PRC 3</source>
            <translation>Phong bì PRC 3</translation>
        </message>
        <message>
            <source>Envelope PRC 4</source>
            <translation>Phong bì PRC 4</translation>
        </message>
        <message>
            <source>Envelope PRC 5</source>
            <translation>Phong bì PRC 5</translation>
        </message>
        <message>
            <source>Envelope PRC 6</source>
            <translation>Phong bì PRC 6</translation>
        </message>
        <message>
            <source>Envelope PRC 7</source>
            <translation>Phong bì PRC 7</translation>
        </message>
        <message>
            <source>Envelope PRC 8</source>
            <translation>Phong bì PRC 8</translation>
        </message>
        <message>
            <source>Envelope PRC 9</source>
            <translation>Phong bì PRC 9</translation>
        </message>
        <message>
            <source>Envelope PRC 10</source>
            <translation>Phong bì PRC 10</translation>
        </message>
        <message>
            <source>Envelope You 4</source>
            <translation>Phong bì You 4</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>Lưu tất cả</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>Có với &amp;tất cả</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>Không với tất &amp;cả</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Bỏ dở</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Thử lại</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Không lưu</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>Khôi phục mặc định</translation>
        </message>
    </context>
    <context>
        <name>QPrintDialog</name>
        <message>
            <source>Print</source>
            <translation>In</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translation>&amp;In</translation>
        </message>
        <message>
            <source>&amp;Options &gt;&gt;</source>
            <translation>&amp;Tùy chọn &gt;&gt;</translation>
        </message>
        <message>
            <source>&amp;Options &lt;&lt;</source>
            <translation>&amp;Tùy chọn &lt;&lt;</translation>
        </message>
        <message>
            <source>Print to File (PDF)</source>
            <translation>In ra tệp (PDF)</translation>
        </message>
        <message>
            <source>Print To File ...</source>
            <translation>In ra tệp...</translation>
        </message>
        <message>
            <source>Local file</source>
            <translation>Tệp trên máy</translation>
        </message>
        <message>
            <source>Write PDF file</source>
            <translation>Ghi tệp PDF</translation>
        </message>
        <message>
            <source>All Pages</source>
            <translation>Mọi trang</translation>
        </message>
        <message>
            <source>Odd Pages</source>
            <translation>Trang lẻ</translation>
        </message>
        <message>
            <source>Even Pages</source>
            <translation>Trang chẵn</translation>
        </message>
        <message>
            <source>1 (1x1)</source>
            <translation>1 (1x1)</translation>
        </message>
        <message>
            <source>2 (2x1)</source>
            <translation>2 (2x1)</translation>
        </message>
        <message>
            <source>4 (2x2)</source>
            <translation>4 (2x2)</translation>
        </message>
        <message>
            <source>6 (2x3)</source>
            <translation>6 (2x3)</translation>
        </message>
        <message>
            <source>9 (3x3)</source>
            <translation>9 (3x3)</translation>
        </message>
        <message>
            <source>16 (4x4)</source>
            <translation>16 (4x4)</translation>
        </message>
        <message>
            <source>Left to Right, Top to Bottom</source>
            <translation>Trái sang phải, trên xuống dưới</translation>
        </message>
        <message>
            <source>Left to Right, Bottom to Top</source>
            <translation>Trái sang phải, dưới lên trên</translation>
        </message>
        <message>
            <source>Right to Left, Bottom to Top</source>
            <translation>Phải sang trái, dưới lên trên</translation>
        </message>
        <message>
            <source>Right to Left, Top to Bottom</source>
            <translation>Phải sang trái, trên xuống dưới</translation>
        </message>
        <message>
            <source>Bottom to Top, Left to Right</source>
            <translation>Dưới lên trên, trái sang phải</translation>
        </message>
        <message>
            <source>Bottom to Top, Right to Left</source>
            <translation>Dưới lên trên, phải sang trái</translation>
        </message>
        <message>
            <source>Top to Bottom, Left to Right</source>
            <translation>Trên xuống dưới, trái sang phải</translation>
        </message>
        <message>
            <source>Top to Bottom, Right to Left</source>
            <translation>Trên xuống dưới, phải sang trái</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to overwrite it?</source>
            <translation>%1 đã có.
Ghi đè lên tệp này?</translation>
        </message>
        <message>
            <source>%1 is a directory.
Please choose a different file name.</source>
            <translation>%1 là một thư mục.
Xin chọn tên tệp khác.</translation>
        </message>
        <message>
            <source>File %1 is not writable.
Please choose a different file name.</source>
            <translation>Không ghi được vào tệp %1.
Xin chọn tên tệp khác.</translation>
        </message>
        <message>
            <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
            <translation>%1 viết không đúng cách. Dùng dấu ',' để ngăn cách các trang và khoảng trang, dấu '-' để ghi một khoảng trang, và các khoảng không được chồng lên nhau.</translation>
        </message>
        <message>
            <source>Invalid Pages Definition</source>
            <translation>Các trang ghi không hợp lệ</translation>
        </message>
        <message>
            <source>The 'From' value cannot be greater than the 'To' value.</source>
            <translation>Số trang 'Từ' không được lớn hơn số trang 'Đến'.</translation>
        </message>
        <message>
            <source>Duplex Settings Conflicts</source>
            <translation>Thiết lập in hai mặt mâu thuẫn</translation>
        </message>
        <message>
            <source>There are conflicts in duplex settings. Do you want to fix them?</source>
            <translation>Các thiết lập in hai mặt mâu thuẫn nhau. Sửa lại chúng?</translation>
        </message>
        <message>
            <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
            <translation>Không dùng được cùng lúc 'Số trang mỗi tờ' và 'Nhóm trang'.
Xin tắt một trong hai tùy chọn.</translation>
        </message>
    </context>
    <context>
        <name>QPrintPreviewDialog</name>
        <message>
            <source>Page Setup</source>
            <translation>Thiết lập trang</translation>
        </message>
        <message>
            <source>Page setup</source>
            <translation>Thiết lập trang</translation>
        </message>
        <message>
            <source>Print Preview</source>
            <translation>Xem trước bản in</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>In</translation>
        </message>
        <message>
            <source>Export to PDF</source>
            <translation>Xuất ra PDF</translation>
        </message>
        <message>
            <source>First page</source>
            <translation>Trang đầu</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Trang trước</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Trang sau</translation>
        </message>
        <message>
            <source>Last page</source>
            <translation>Trang cuối</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Vừa chiều rộng</translation>
        </message>
        <message>
            <source>Fit page</source>
            <translation>Vừa trang</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Phóng to</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Thu nhỏ</translation>
        </message>
        <message>
            <source>Portrait</source>
            <translation>Dọc</translation>
        </message>
        <message>
            <source>Landscape</source>
            <translation>Ngang</translation>
        </message>
        <message>
            <source>Show single page</source>
            <translation>Xem từng trang</translation>
        </message>
        <message>
            <source>Show facing pages</source>
            <translation>Xem hai trang đối nhau</translation>
        </message>
        <message>
            <source>Show overview of all pages</source>
            <translation>Xem tổng quan mọi trang</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
    </context>
    <context>
        <name>QPrintPropertiesDialog</name>
        <message>
            <source>Printer Properties</source>
            <translation>Thuộc tính máy in</translation>
        </message>
        <message>
            <source>Job Options</source>
            <translation>Tùy chọn lệnh in</translation>
        </message>
        <message>
            <source>Page Setup Conflicts</source>
            <translation>Thiết lập trang mâu thuẫn</translation>
        </message>
        <message>
            <source>There are conflicts in page setup options. Do you want to fix them?</source>
            <translation>Các thiết lập trang mâu thuẫn nhau. Sửa lại chúng?</translation>
        </message>
        <message>
            <source>Advanced Option Conflicts</source>
            <translation>Tùy chọn nâng cao mâu thuẫn</translation>
        </message>
        <message>
            <source>There are conflicts in some advanced options. Do you want to fix them?</source>
            <translation>Một số tùy chọn nâng cao mâu thuẫn nhau. Sửa lại chúng?</translation>
        </message>
        <message>
            <source>Custom value for %1</source>
            <translation>Giá trị riêng cho %1</translation>
        </message>
    </context>
    <context>
        <name>QPrintPropertiesWidget</name>
        <message>
            <source>Form</source>
            <translation>Biểu mẫu</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Trang</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>Nâng cao</translation>
        </message>
        <message>
            <source>There are conflicts in some options. Please fix them.</source>
            <translation>Một số tùy chọn mâu thuẫn nhau. Xin sửa lại.</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <source>Form</source>
            <translation>Biểu mẫu</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>Số bản</translation>
        </message>
        <message>
            <source>Copies:</source>
            <translation>Số bản:</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>Tùy chọn</translation>
        </message>
        <message>
            <source>Print range</source>
            <translation>Phạm vi in</translation>
        </message>
        <message>
            <source>Print all</source>
            <translation>In tất cả</translation>
        </message>
        <message>
            <source>Pages from</source>
            <translation>Các trang từ</translation>
        </message>
        <message>
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Các trang</translation>
        </message>
        <message>
            <source>Current Page</source>
            <translation>Trang hiện tại</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>Phần đã chọn</translation>
        </message>
        <message>
            <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
            <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
        </message>
        <message>
            <source>Page &amp;Set:</source>
            <translation>&amp;Nhóm trang:</translation>
        </message>
        <message>
            <source>Output Settings</source>
            <translation>Thiết lập bản in</translation>
        </message>
        <message>
            <source>Collate</source>
            <translation>In theo bộ</translation>
        </message>
        <message>
            <source>Reverse</source>
            <translation>In ngược thứ tự</translation>
        </message>
        <message>
            <source>Color Mode</source>
            <translation>Chế độ màu</translation>
        </message>
        <message>
            <source>Color</source>
            <translation>Màu</translation>
        </message>
        <message>
            <source>Grayscale</source>
            <translation>Thang xám</translation>
        </message>
        <message>
            <source>Double Sided Printing</source>
            <translation>In hai mặt</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Tắt</translation>
        </message>
        <message>
            <source>Long side binding</source>
            <translation>Lật theo cạnh dài</translation>
        </message>
        <message>
            <source>Short side binding</source>
            <translation>Lật theo cạnh ngắn</translation>
        </message>
    </context>
    <context>
        <name>QPrintWidget</name>
        <message>
            <source>Form</source>
            <translation>Biểu mẫu</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Máy in</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Tên:</translation>
        </message>
        <message>
            <source>P&amp;roperties</source>
            <translation>Th&amp;uộc tính</translation>
        </message>
        <message>
            <source>Location:</source>
            <translation>Vị trí:</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Xem trước</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Loại:</translation>
        </message>
        <message>
            <source>Output &amp;file:</source>
            <translation>&amp;Tệp kết quả:</translation>
        </message>
        <message>
            <source>...</source>
            <translation>...</translation>
        </message>
    </context>
    <context>
        <name>QProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>QScrollBar</name>
        <message>
            <source>Scroll here</source>
            <translation>Cuộn đến đây</translation>
        </message>
        <message>
            <source>Left edge</source>
            <translation>Mép trái</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>Đầu</translation>
        </message>
        <message>
            <source>Right edge</source>
            <translation>Mép phải</translation>
        </message>
        <message>
            <source>Bottom</source>
            <translation>Cuối</translation>
        </message>
        <message>
            <source>Page left</source>
            <translation>Sang trái một trang</translation>
        </message>
        <message>
            <source>Page up</source>
            <translation>Lên một trang</translation>
        </message>
        <message>
            <source>Page right</source>
            <translation>Sang phải một trang</translation>
        </message>
        <message>
            <source>Page down</source>
            <translation>Xuống một trang</translation>
        </message>
        <message>
            <source>Scroll left</source>
            <translation>Cuộn sang trái</translation>
        </message>
        <message>
            <source>Scroll up</source>
            <translation>Cuộn lên</translation>
        </message>
        <message>
            <source>Scroll right</source>
            <translation>Cuộn sang phải</translation>
        </message>
        <message>
            <source>Scroll down</source>
            <translation>Cuộn xuống</translation>
        </message>
    </context>
    <context>
        <name>QTabBar</name>
        <message>
            <source>Scroll Left</source>
            <translation>Cuộn sang trái</translation>
        </message>
        <message>
            <source>Scroll Right</source>
            <translation>Cuộn sang phải</translation>
        </message>
    </context>
    <context>
        <name>QUnicodeControlCharacterMenu</name>
        <message>
            <source>Insert Unicode control character</source>
            <translation>Chèn ký tự điều khiển Unicode</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>Sao chép địa chỉ &amp;liên kết</translation>
        </message>
    </context>
    <context>
        <name>QWizard</name>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Quay lại</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Tiếp theo &gt;</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Tiếp theo</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Hoàn tất</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Commit</source>
            <translation>Xác nhận</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <source>Go Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Trợ giúp</translation>
        </message>
    </context>
</TS>
