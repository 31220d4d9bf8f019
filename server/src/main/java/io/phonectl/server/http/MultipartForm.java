package io.phonectl.server.http;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code multipart/form-data} body (a console upload: the file and the {@code _csrf} field), parsed by Jetty's
 * parser from the body already read under the route's cap, so nothing is written to disk and no part can be
 * larger than the body.
 *
 * @param fields the text fields (parts without a file name)
 * @param files  the uploaded files, in order
 */
public record MultipartForm(Map<String, List<String>> fields, List<Upload> files) {

    /** At most this many parts: a form has a handful. */
    static final int MAX_PARTS = 100;

    /** One uploaded file. */
    public record Upload(String field, String fileName, byte[] bytes) {
    }

    public MultipartForm {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /** The first value of a text field, or null. */
    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The first file of this field with content, or null. */
    public Upload file(String field) {
        return files.stream().filter(f -> f.field().equals(field) && f.bytes().length > 0).findFirst().orElse(null);
    }

    static MultipartForm parse(String contentType, byte[] body) {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new ApiException.Invalid("Content-Type", contentType, "multipart/form-data with a boundary");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(body.length);
        parser.setMaxMemoryFileSize(body.length + 1L);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<Upload> files = new ArrayList<>();
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body)))
                .get(10, TimeUnit.SECONDS)) {
            for (MultiPart.Part part : parts) {
                String name = part.getName() == null ? "" : part.getName();
                if (part.getFileName() != null) {
                    ByteBuffer b = Content.Source.asByteBuffer(part.getContentSource());
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    files.add(new Upload(name, part.getFileName(), bytes));
                } else {
                    fields.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(part.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        } catch (ExecutionException | java.io.IOException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ApiException.Invalid("body", "multipart/form-data", "a well-formed multipart body of at most "
                    + MAX_PARTS + " parts (" + cause.getMessage() + ")");
        } catch (TimeoutException e) {
            throw new ApiException.Invalid("body", "multipart/form-data", "a complete multipart body");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Invalid("body", "multipart/form-data", "a body read before the request ended");
        }
        return new MultipartForm(fields, files);
    }
}
