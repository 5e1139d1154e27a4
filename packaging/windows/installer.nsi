; MentorDesk's Windows installer, built by packaging/windows/build with Debian's makensis:
;   makensis -DVERSION=x.y.z -DFILES=<folder with the .exe files, the DLL and licences/>
;            -DICON=<icon.ico> -DOUTFILE=<setup.exe> installer.nsi
; It installs for the current user only, so an HR officer without administrator rights can
; install and upgrade it: into %LOCALAPPDATA%\Programs\MentorDesk, with a Start-menu shortcut
; and an uninstaller registered under HKCU.
;
; The programme's data lives elsewhere, in %APPDATA%\MentorDesk (the database and the backups
; beside it; see dirs::data_dir() in core/src/store). Neither this installer, when it installs
; over an older version, nor the uninstaller ever touches that folder: it is the office's
; record, and an upgrade must find it as it was. Nothing below names $APPDATA.

!ifndef VERSION | FILES | ICON | OUTFILE
  !error "Run packaging/windows/build, which defines VERSION, FILES, ICON and OUTFILE"
!endif

!define APP "MentorDesk"
!define PUBLISHER "MentorDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

; The programs are 64-bit, so the installer is too (Debian's nsis ships the amd64 stubs).
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
; An upgrade goes where the previous version went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "MIT licence"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\mentordesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

; Windows refuses to open a running program's file for writing, so an open MentorDesk (or a
; mentordesk-cli still at work) shows as a file that cannot be opened. Replacing or deleting it
; then would fail halfway, so the user is asked to close it first; a silent run gives up.
!macro WAIT_UNTIL_CLOSED PROGRAM
  ${DoWhile} ${FileExists} "${PROGRAM}"
    ClearErrors
    FileOpen $0 "${PROGRAM}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
        "${APP} is running. Close it, then click Retry." /SD IDCANCEL IDCANCEL`
      Abort "${APP} is running; close it and try again."
    ${EndIf}
  ${Loop}
!macroend
!macro WAIT_UNTIL_BOTH_CLOSED
  !insertmacro WAIT_UNTIL_CLOSED "$INSTDIR\mentordesk.exe"
  !insertmacro WAIT_UNTIL_CLOSED "$INSTDIR\mentordesk-cli.exe"
!macroend

Section "${APP}"
  SetOutPath "$INSTDIR"
  !insertmacro WAIT_UNTIL_BOTH_CLOSED

  File "${FILES}/mentordesk.exe"
  File "${FILES}/mentordesk-cli.exe"
  ; The gnu build of the window loads this DLL from beside mentordesk.exe.
  File "${FILES}/WebView2Loader.dll"
  SetOutPath "$INSTDIR\licences"
  File "${FILES}/licences/*.txt"

  ; The shortcut starts the app in the folder SetOutPath names last.
  SetOutPath "$INSTDIR"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\mentordesk.exe"

  WriteUninstaller "$INSTDIR\Uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\mentordesk.exe,0"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The uninstaller removes what the installer put there, file by file, rather than the whole
; folder: the user may have chosen a folder that holds other things. The data folder,
; %APPDATA%\MentorDesk, stays (see the top of this file).
Section "Uninstall"
  !insertmacro WAIT_UNTIL_BOTH_CLOSED

  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\mentordesk.exe"
  Delete "$INSTDIR\mentordesk-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\licences\*.txt"
  RMDir "$INSTDIR\licences"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
