package io.atoll.cell.storage.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/** An HTTP answer as a test looks at it: status, JSON body (empty when there is none) and headers. */
public record Reply(int status, Map<String, Object> body, HttpHeaders headers) {
    public String text(String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        return (Map<String, Object>) body.get(field);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }
}
