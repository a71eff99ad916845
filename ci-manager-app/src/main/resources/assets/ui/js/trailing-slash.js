// Relative asset URLs need the trailing slash: "/ui" would load "/css/app.css". A file rather than an
// inline script: the Content-Security-Policy allows scripts from this origin only.
if (!/(\/|\.html)$/.test(location.pathname)) location.replace(location.pathname + '/' + location.search + location.hash);
