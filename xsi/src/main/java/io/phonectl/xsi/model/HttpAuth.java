package io.phonectl.xsi.model;

/**
 * How a model's web server asks for credentials on {@code /CGI/Execute}, {@code /CGI/Screenshot} and the CGI info
 * pages (reference notes §2.3): Basic (RFC 7617), which clients send pre-emptively, or Digest (RFC 7616), which older
 * 79xx firmware challenges with; public clients answer it after Basic is refused (OPS).
 */
public enum HttpAuth {
    BASIC,
    DIGEST
}
