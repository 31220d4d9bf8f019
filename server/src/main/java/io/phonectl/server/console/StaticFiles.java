package io.phonectl.server.console;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The console's static files, served by the service itself (nothing comes from the internet): htmx and its SSE
 * extension from their WebJars on the class path, and our own stylesheet and script. Each is read once at start and
 * served under a name holding a hash of its content, so it can be cached for a year and a new build is fetched anew.
 */
public final class StaticFiles {

    /** One file: its public name (with the content hash) and bytes. */
    private record File(String name, String contentType, byte[] bytes) {
    }

    private static final Map<String, File> BY_NAME = new LinkedHashMap<>();
    private static final String HTMX = add("htmx", webjar("htmx.org", "dist/htmx.min.js"), "text/javascript");
    private static final String SSE = add("htmx-ext-sse", webjar("htmx-ext-sse", "sse.js"), "text/javascript");
    private static final String CSS = add("console", "console/console.css", "text/css");
    private static final String JS = add("console", "console/console.js", "text/javascript");

    private StaticFiles() {
    }

    public static String htmx() {
        return "/static/" + HTMX;
    }

    public static String sse() {
        return "/static/" + SSE;
    }

    public static String css() {
        return "/static/" + CSS;
    }

    public static String js() {
        return "/static/" + JS;
    }

    static List<Route> routes() {
        return List.of(Route.get("/static/{file}").open().page().doc("console", "The console's static files")
                .handler(ex -> {
                    File f = BY_NAME.get(ex.pathParam("file"));
                    if (f == null) {
                        throw new ApiException.NotFound("file", ex.pathParam("file"));
                    }
                    return Reply.raw(200, f.contentType(), f.bytes())
                            .header("Cache-Control", "public, max-age=31536000, immutable");
                }));
    }

    /** The resource path of a WebJar's file, its version read from the WebJar's own Maven properties. */
    private static String webjar(String artifact, String file) {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/" + file;
    }

    private static String add(String base, String resource, String contentType) {
        byte[] bytes;
        try (InputStream in = resource(resource)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ext = resource.substring(resource.lastIndexOf('.'));
        String name = base + "-" + hash(bytes) + ext;
        BY_NAME.put(name, new File(name, contentType, bytes));
        return name;
    }

    private static InputStream resource(String path) {
        InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the console's file " + path + " is not on the class path");
        }
        return in;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
