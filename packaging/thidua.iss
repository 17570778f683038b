; Inno Setup 6 script: a per-user installer of thidua-desktop (no administrator rights needed).
;
; Needs Inno Setup 6.3 or newer (the x64compatible architecture identifier). Built by
; packaging/build.py after PyInstaller, which passes the version and the folders:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\thidua-desktop /DOutputDir=dist packaging\thidua.iss
; Output: dist\thidua-desktop-<version>-setup-win64.exe
;
; The program goes to %LOCALAPPDATA%\Programs\thidua-desktop ({userpf}); the Start-menu entry and
; the optional desktop shortcut are the user's own. The union's data is NOT in {app}: it lives in
; the per-user data folder (%APPDATA%\thidua_desktop, see src/thidua_desktop/paths.py), which the
; uninstaller never touches, so removing or upgrading the program keeps every record, backup and key.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\thidua-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

#define AppName "Thi đua CĐCS"
#define AppExe "thidua-desktop.exe"

[Setup]
; The AppId identifies the program across versions (upgrades install over it): never change it.
AppId={{6F0E3B52-4C1D-4E39-9F0B-2D7A8C51B6E4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=thidua_desktop
AppCopyright=Copyright (c) 2026 thidua_desktop contributors (MIT licence)
VersionInfoVersion={#AppVersion}
VersionInfoProductName=thidua-desktop
; per user, no UAC prompt: always non administrative install mode, so {userpf} is
; %LOCALAPPDATA%\Programs and {group} is the user's own Start menu ({autopf} would be the same here)
PrivilegesRequired=lowest
DefaultDirName={userpf}\thidua-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=thidua-desktop-{#AppVersion}-setup-win64
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; the icon of Setup itself (drawn by tools/make_icon.py); relative paths are from this script's folder
SetupIconFile=..\resources\icons\thidua.ico
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; the program must be closed to be replaced or removed
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; Setup picks the language of Windows' user interface; when it is neither Vietnamese nor English it
; asks (ShowLanguageDialog=auto) and offers the first one listed: Vietnamese.
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
en.ConfirmUninstall=Are you sure you want to remove %1? The union's emulation data is kept.

[CustomMessages]
vi.AppComment=Quản lý phong trào thi đua của công đoàn cơ sở
en.AppComment=Emulation movement manager for grassroots trade unions
vi.DataKept=Dữ liệu thi đua vẫn được giữ trong %1. Muốn xóa hẳn thì xóa thư mục đó bằng tay.
en.DataKept=The emulation data is kept in %1. Delete that folder by hand to remove it for good.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole bundle: no library of an older version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "portable.txt"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself wrote beside itself (Python byte-code caches); never the data folder
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\thidua_desktop')]),
           mbInformation, MB_OK);
end;
