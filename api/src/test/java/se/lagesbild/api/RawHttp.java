package se.lagesbild.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a plain socket, so a test can send what no well-behaved client would: any
 * method, a request target with a bare '%', control bytes, huge headers. One request per connection.
 */
final class RawHttp {
    /** Status, headers (lower-case names) and the body (de-chunked). */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Response send(int port, String method, String target, String... headerLines) {
        return send(port, method, target, null, headerLines);
    }

    /**
     * The same with a body (sent with its Content-Length). A server that refuses a large body may
     * answer and close before reading it all: the answer is read even when writing the rest fails.
     */
    static Response send(int port, String method, String target, byte[] body, String... headerLines) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedBeforeTheEnd) {
                    // the answer (a 413) is already waiting
                }
            }
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    private static Response parse(byte[] raw, boolean head) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (!head && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, head ? new byte[0] : body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), new byte[] {'\r', '\n'});
            int size = Integer.parseInt(new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(body, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
