package io.atoll.cell.workers.domain.pipeline;

import java.util.Map;

/** JSON objects as the job programs read and print them. */
public interface JsonCodec {
    /** Reads a text that is exactly one JSON object; anything else is an {@link IllegalArgumentException} saying what it is. */
    Map<String, Object> readObject(String json);

    String write(Map<String, Object> object);
}
