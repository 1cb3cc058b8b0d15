/**
 * The console's only server-rendered HTML: the app shell (static; the pages are ES modules that read and
 * write through the REST API) and the sign-in page. Every value placed in HTML is escaped.
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Scripts only from this server; Lit's adopted style sheets and SVG attributes need inline styles. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const head = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/console/assets/console.css">`;

export function shellPage(): string {
  return `${head('Who Owns This | Local org')}
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<div id="app"><p class="loading">Loading the console…</p></div>
<noscript>The console needs JavaScript.</noscript>
</body>
</html>
`;
}

export function signInPage(retURL: string, error?: string): string {
  return `${head('Sign in | Who Owns This local org')}
</head>
<body class="sign-in">
<main class="login-card" aria-labelledby="login-title">
<h1 id="login-title">Who Owns This <span>local org</span></h1>
<p>Sign in with the session token that <code>whoowns org start</code> (or <code>npm start</code>) printed, or open the frontdoor URL it printed.</p>
${error ? `<p class="login-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/secur/frontdoor.jsp">
<label for="sid">Session token</label>
<input id="sid" name="sid" type="password" autocomplete="off" required autofocus>
<input type="hidden" name="retURL" value="${escapeHtml(retURL)}">
<button type="submit">Log In</button>
</form>
</main>
</body>
</html>
`;
}
