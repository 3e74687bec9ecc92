package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, synchronous, on the caller's thread: the least a client can do per request
 * (no selector thread, no hand-offs), so that latency figures measure the server. Reconnects when the server
 * closed the connection or a request goes to another host. Not thread-safe.
 */
final class HttpConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 600_000;

    private Socket socket;
    private String authority;
    private InputStream in;
    private OutputStream out;

    /** A response: status code and body. */
    record Response(int status, byte[] body) {}

    Response send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        requireNonNull(uri, "uri is null");
        if (!"http".equals(uri.getScheme())) {
            throw new IOException("only http:// URIs are supported: " + uri);
        }
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(target.isEmpty() ? "/" : target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] request = head.toString().getBytes(StandardCharsets.UTF_8);
        boolean fresh = connect(uri);
        try {
            return exchange(request, body);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            // the server closed an idle keep-alive connection: once more on a new one
            connect(uri);
            return exchange(request, body);
        }
    }

    private Response exchange(byte[] request, byte[] body) throws IOException {
        out.write(request);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] responseBody;
        if (chunked) {
            responseBody = readChunked();
        } else if (contentLength >= 0) {
            responseBody = in.readNBytes((int) contentLength);
            if (responseBody.length != contentLength) {
                throw new EOFException("connection closed in a response body");
            }
        } else {
            responseBody = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, responseBody);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("connection closed in a chunk");
            }
            body.write(chunk);
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** Opens a connection unless one to the same host is open; true if it opened one. */
    private boolean connect(URI uri) throws IOException {
        String wanted = uri.getRawAuthority();
        if (socket != null && wanted.equals(authority) && !socket.isClosed()) {
            return false;
        }
        close();
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.setSoTimeout(READ_TIMEOUT_MILLIS);
        opened.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), CONNECT_TIMEOUT_MILLIS);
        socket = opened;
        authority = wanted;
        in = new BufferedInputStream(opened.getInputStream(), 64 * 1024);
        out = opened.getOutputStream();
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do about it
            }
            socket = null;
        }
    }
}
