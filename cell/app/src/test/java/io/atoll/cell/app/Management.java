package io.atoll.cell.app;

import io.micronaut.runtime.server.EmbeddedServer;

import java.net.MalformedURLException;
import java.net.URL;

/** The management port of an app under test: health with its details, metrics, the OpenAPI document, Swagger UI. */
public final class Management {
    private Management() {
    }

    public static URL url(EmbeddedServer app) throws MalformedURLException {
        return new URL("http://127.0.0.1:" + app.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class));
    }
}
