<#
.SYNOPSIS
  Removes the XrayTriage Windows service installed by install.ps1.
.DESCRIPTION
  Stops and deletes the service, its firewall rules and the program folder. The data folder (spool) is kept unless
  -Purge is given. The PostgreSQL database is never touched: back it up and drop it yourself.
#>
[CmdletBinding()]
param(
    [string]$InstallDir = (Join-Path $env:ProgramFiles 'XrayTriage'),
    [string]$DataDir = (Join-Path $env:ProgramData 'XrayTriage'),
    [switch]$Purge
)
$ErrorActionPreference = 'Stop'
$ServiceName = 'XrayTriage'
$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') {
        Stop-Service -Name $ServiceName -Force
        $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(120))
    }
    & sc.exe delete $ServiceName | Out-Null
}
Get-NetFirewallRule -DisplayName 'XrayTriage DICOM (TCP *' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
foreach ($folder in @($InstallDir, "$InstallDir.new", "$InstallDir.previous")) {
    if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
}
if ($Purge -and (Test-Path $DataDir)) { Remove-Item $DataDir -Recurse -Force }
Write-Host "removed $ServiceName$(if ($Purge) { ' and its data' } else { " (kept $DataDir)" })"
