<#
.SYNOPSIS
  Installs or upgrades XrayTriage as a Windows service (the same binary as on Linux; serve calls UseWindowsService()).
.DESCRIPTION
  Copies a `dotnet publish src/XrayTriage.Host -c Release -r win-x64 --self-contained` output and the models to
  -InstallDir, creates the data folder with the spool, registers the service "XrayTriage" (serve, automatic delayed
  start), sets recovery actions (restart after 5 s, 30 s, 60 s; counter reset after one day), runs it as the virtual
  account NT SERVICE\XrayTriage (or -ServiceAccount), stores the settings as the service's environment variables,
  opens the DICOM port in Windows Firewall, runs `xraytriage migrate` and starts the service.
  Run elevated. Not exercised in this repository's tests (no Windows host); the win-x64 publish is built there.
.EXAMPLE
  dotnet publish src\XrayTriage.Host -c Release -r win-x64 --self-contained -o C:\build\xraytriage
  .\deploy\windows\install.ps1 -PublishDir C:\build\xraytriage -ConnectionString 'Host=db;Database=xraytriage;Username=xraytriage;Password=...'
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$PublishDir,
    [string]$ModelsDir = (Join-Path $PSScriptRoot '..\..\models'),
    [string]$InstallDir = (Join-Path $env:ProgramFiles 'XrayTriage'),
    [string]$DataDir = (Join-Path $env:ProgramData 'XrayTriage'),
    [string]$ConnectionString = $env:ConnectionStrings__Triage,
    [string]$AeTitle = 'XRAYTRIAGE',
    [int]$DicomPort = 11112,
    [string]$Urls = 'http://0.0.0.0:8080',
    # Extra settings as Section__Key=value, e.g. 'Pacs__Destinations__0__Host=pacs.hospital.example'
    [string[]]$Setting = @(),
    # Empty: the virtual account NT SERVICE\XrayTriage. Otherwise DOMAIN\user (with -ServicePassword) or a gMSA 'DOMAIN\svc$'.
    [string]$ServiceAccount = '',
    [securestring]$ServicePassword,
    [switch]$NoMigrate,
    [switch]$NoStart
)
$ErrorActionPreference = 'Stop'
$ServiceName = 'XrayTriage'
$exe = Join-Path $InstallDir 'xraytriage.exe'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'install.ps1 must run elevated (Run as administrator).'
}
if (-not (Test-Path (Join-Path $PublishDir 'xraytriage.exe'))) {
    throw "$PublishDir has no xraytriage.exe: publish with -r win-x64 --self-contained first."
}
if (-not (Test-Path (Join-Path $ModelsDir 'ensemble.json'))) { throw "No ensemble.json in $ModelsDir." }

# 1. Stop a running version; copy the new one next to it, check the models, then swap (previous kept for a rollback).
$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') {
    Write-Host "== stopping $ServiceName"
    Stop-Service -Name $ServiceName -Force
    $existing.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(120))
}
$stage = "$InstallDir.new"
if (Test-Path $stage) { Remove-Item $stage -Recurse -Force }
Write-Host "== copying $PublishDir to $InstallDir"
Copy-Item $PublishDir $stage -Recurse
# The Linux ONNX Runtime libraries are useless here.
Get-ChildItem $stage -Filter 'libonnxruntime*.so' | Remove-Item -Force
New-Item -ItemType Directory -Force (Join-Path $stage 'models') | Out-Null
Get-ChildItem $ModelsDir -File | Where-Object { $_.Extension -in '.json', '.onnx', '.md' } | Copy-Item -Destination (Join-Path $stage 'models')
& (Join-Path $stage 'xraytriage.exe') models verify --path (Join-Path $stage 'models')
if ($LASTEXITCODE -ne 0) { throw "models verify failed (exit $LASTEXITCODE); the installed version was not replaced." }
if (Test-Path $InstallDir) {
    if (Test-Path "$InstallDir.previous") { Remove-Item "$InstallDir.previous" -Recurse -Force }
    Move-Item $InstallDir "$InstallDir.previous"
}
Move-Item $stage $InstallDir

# 2. Data folder: spool and the service account's data protection keys; only SYSTEM, Administrators and the service.
$spool = Join-Path $DataDir 'spool'
New-Item -ItemType Directory -Force $spool | Out-Null
$account = if ($ServiceAccount) { $ServiceAccount } else { "NT SERVICE\$ServiceName" }

# 3. The service.
$binPath = "`"$exe`" serve"
if (-not $existing) {
    Write-Host "== registering service $ServiceName"
    New-Service -Name $ServiceName -BinaryPathName $binPath -DisplayName 'XrayTriage chest X-ray triage' `
        -Description 'DICOM C-STORE SCP, AI triage of chest radiographs, reports to PACS, worklist (not for diagnosis).' `
        -StartupType Automatic | Out-Null
} else {
    & sc.exe config $ServiceName binPath= $binPath | Out-Null
}
& sc.exe config $ServiceName start= delayed-auto | Out-Null
# Recovery: restart after 5 s, 30 s and 60 s; reset the failure count after one day. Also on a non-zero exit code.
& sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/30000/restart/60000 | Out-Null
& sc.exe failureflag $ServiceName 1 | Out-Null
if ($ServiceAccount) {
    $plain = if ($ServicePassword) { [Runtime.InteropServices.Marshal]::PtrToStringUni([Runtime.InteropServices.Marshal]::SecureStringToBSTR($ServicePassword)) } else { '' }
    & sc.exe config $ServiceName obj= $ServiceAccount password= $plain | Out-Null
} else {
    & sc.exe config $ServiceName obj= $account | Out-Null
}
& sc.exe sidtype $ServiceName unrestricted | Out-Null
& icacls $DataDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' "${account}:(OI)(CI)M" | Out-Null

# 4. Settings: the service's environment (REG_MULTI_SZ "Environment"), readable by administrators only.
$environment = [ordered]@{
    'DOTNET_ENVIRONMENT' = 'Production'
    'Dicom__AeTitle' = $AeTitle
    'Dicom__Port' = "$DicomPort"
    'Dicom__BindAddress' = '0.0.0.0'
    'Dicom__SpoolPath' = $spool
    'Models__Path' = (Join-Path $InstallDir 'models')
    'Urls' = $Urls
}
if ($ConnectionString) { $environment['ConnectionStrings__Triage'] = $ConnectionString }
foreach ($pair in $Setting) {
    $name, $value = $pair -split '=', 2
    $environment[$name] = $value
}
$key = "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName"
$lines = @($environment.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" })
Set-ItemProperty -Path $key -Name 'Environment' -Type MultiString -Value $lines

# 5. Firewall: the DICOM port from the network (the web port is left to the site's reverse proxy or a rule of its own).
$ruleName = "XrayTriage DICOM (TCP $DicomPort)"
if (-not (Get-NetFirewallRule -DisplayName $ruleName -ErrorAction SilentlyContinue)) {
    New-NetFirewallRule -DisplayName $ruleName -Direction Inbound -Protocol TCP -LocalPort $DicomPort -Action Allow `
        -Program $exe -Profile Domain,Private | Out-Null
}

# 6. Database migrations of this version, with the same settings.
if (-not $NoMigrate) {
    if ($ConnectionString) {
        Write-Host '== xraytriage migrate'
        $env:ConnectionStrings__Triage = $ConnectionString
        & $exe migrate
        if ($LASTEXITCODE -ne 0) { throw "xraytriage migrate failed (exit $LASTEXITCODE)." }
    } else {
        Write-Warning 'No -ConnectionString: set ConnectionStrings__Triage in the service environment, run "xraytriage migrate", then start the service.'
    }
}

if (-not $NoStart -and $ConnectionString) {
    Write-Host "== starting $ServiceName"
    Start-Service -Name $ServiceName
}
Write-Host "installed XrayTriage to $InstallDir (data: $DataDir)"
