// Every child process a test starts (the stock `sf` CLI, our own bin/run.js, node -e scripts) inherits this
// environment. Without it the sf CLI forks `sf update --autoupdate` in the background, which outlives the
// test run and keeps a core busy (it distorted a benchmark run once), and it tries to send telemetry.
process.env.SF_AUTOUPDATE_DISABLE = 'true';
process.env.SF_DISABLE_AUTOUPDATE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
