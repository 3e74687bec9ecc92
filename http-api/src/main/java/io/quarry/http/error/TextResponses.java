package io.quarry.http.error;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;

/** Error answers as the protocol sends them: {@code text/plain; charset=utf-8}, one line, no stack trace. */
public final class TextResponses {
    private TextResponses() {}

    public static HttpResponse text(StatusCode status, String message) {
        return HttpResponse.create()
                .withStatus(status)
                .withEntity(ContentTypes.TEXT_PLAIN_UTF8, oneLine(message));
    }

    /** The message with line breaks folded into spaces, so an error body is always a single line. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "Error";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
