// Every child process a test starts (the stock `sf` CLI, our own bin/run.js, node -e scripts) inherits this
// environment. Without it the sf CLI forks `sf update --autoupdate` in the background, which outlives the
// test run and keeps a core busy (it distorted a benchmark run once), and it tries to send telemetry.
process.env.SF_AUTOUPDATE_DISABLE = 'true';
process.env.SF_DISABLE_AUTOUPDATE = 'true';
// The same CLI started as `sfdx` reads its own names for the setting.
process.env.SFDX_AUTOUPDATE_DISABLE = 'true';
process.env.SFDX_DISABLE_AUTOUPDATE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
