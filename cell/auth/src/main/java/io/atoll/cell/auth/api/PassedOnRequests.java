package io.atoll.cell.auth.api;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The requests a pipeline handler let through to Micronaut whose answers Micronaut has not written in full. A
 * handler answers a request itself only while there are none, so that answers on a connection keep the order of
 * the requests.
 */
final class PassedOnRequests {
    private int unanswered;

    void passedOn() {
        unanswered++;
    }

    boolean none() {
        return unanswered == 0;
    }

    /** Notes a message Micronaut writes: the end of an answer that is not an interim one settles the oldest request. */
    void written(Object message) {
        boolean interim = message instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (message instanceof LastHttpContent && !interim && unanswered > 0) {
            unanswered--;
        }
    }
}
