; Inno Setup script for the Windows installer. The release workflow runs
; ISCC /DAppVersion=<version> on it after `cargo build --release`.
; Not tried on the development machine (no Windows there).
;
; Two programs: "Monitor Check.exe" is the window (no console opens behind
; it): the Start menu, the desktop and "Open with" start it.
; "monitor-check.exe" is the command line, for cmd.exe and PowerShell.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6A0F7C52-3D1B-4E8A-9C35-7B2E41D09F63}
AppName=Monitor Check
AppVersion={#AppVersion}
AppPublisher=Monitor Check contributors
AppPublisherURL=https://github.com/monitor-check/monitor-check
DefaultDirName={autopf}\Monitor Check
DefaultGroupName=Monitor Check
DisableProgramGroupPage=yes
; Per-user or for everyone, as the person installing chooses.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
OutputDir=..\..\target\installer
OutputBaseFilename=monitor-check-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\Monitor Check.exe

[Languages]
Name: "it"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "..\..\target\release\monitor-check-window.exe"; DestDir: "{app}"; DestName: "Monitor Check.exe"; Flags: ignoreversion
Source: "..\..\target\release\monitor-check.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"
Source: "..\..\assets\models\NOTICE"; DestDir: "{app}"; DestName: "NOTICE-models.txt"
Source: "..\..\assets\models\LICENSE-Apache-2.0.txt"; DestDir: "{app}"; DestName: "LICENSE-models.txt"
Source: "..\..\assets\fonts\LICENSE-DejaVu.txt"; DestDir: "{app}"
Source: "..\..\packaging\licenses\THIRD-PARTY-LICENSES.txt"; DestDir: "{app}"

[Icons]
Name: "{group}\Monitor Check"; Filename: "{app}\Monitor Check.exe"
Name: "{group}\Monitor Check (pharmacy counter)"; Filename: "{app}\Monitor Check.exe"; Parameters: "--counter"
Name: "{autodesktop}\Monitor Check"; Filename: "{app}\Monitor Check.exe"; Tasks: desktopicon

[Registry]
; "Open with" for label photos: the program takes photo paths as arguments.
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Monitor Check"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe\shell\open\command"; ValueType: string; ValueData: """{app}\Monitor Check.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe\SupportedTypes"; ValueType: string; ValueName: ".jpg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe\SupportedTypes"; ValueType: string; ValueName: ".jpeg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe\SupportedTypes"; ValueType: string; ValueName: ".png"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Monitor Check.exe\SupportedTypes"; ValueType: string; ValueName: ".heic"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.jpg\OpenWithList\Monitor Check.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.jpeg\OpenWithList\Monitor Check.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.png\OpenWithList\Monitor Check.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.heic\OpenWithList\Monitor Check.exe"; Flags: uninsdeletekey

[Run]
Filename: "{app}\Monitor Check.exe"; Description: "{cm:LaunchProgram,Monitor Check}"; Flags: nowait postinstall skipifsilent
