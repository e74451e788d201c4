/** The HTTP server and the library-neutral request and response types that endpoints use. */
package fi.luotsi.http;
