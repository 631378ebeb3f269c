package io.atoll.router.store;

import io.atoll.router.domain.CellRegistry;
import io.atoll.router.domain.CellState;
import io.atoll.router.domain.InvalidRegistryException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryDocumentTest {
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void readsTheCellsOutputOfTerraform() throws InvalidRegistryException {
        CellRegistry registry = parse("""
                {"region": {"sensitive": false, "type": "string", "value": "eu-west-1"},
                 "cells": {"sensitive": false, "type": ["map", ["object", {"id": "string"}]], "value": {
                   "eu-west-1": {"id": "eu-west-1", "region": "eu-west-1", "ingress_url": "http://127.0.0.1:8110", "state": "active", "zone_count": 3},
                   "us-east-1": {"id": "us-east-1", "region": "us-east-1", "ingress_url": "http://10.0.0.7", "state": "draining"}}}}
                """);

        assertThat(registry.cells()).hasSize(2);
        assertThat(registry.cell("eu-west-1").orElseThrow().ingressUrl()).isEqualTo(URI.create("http://127.0.0.1:8110"));
        assertThat(registry.cell("us-east-1").orElseThrow().state()).isEqualTo(CellState.DRAINING);
        assertThat(registry.cell("us-east-1").orElseThrow().port()).isEqualTo(80);
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> parse("{\"cells\": {\"value\": {"))
                .isInstanceOf(InvalidRegistryException.class).hasMessageStartingWith("it is not valid JSON");
    }

    @Test
    void rejectsADocumentWithoutCells() {
        assertThatThrownBy(() -> parse("{\"cells\": {\"sensitive\": false, \"value\": {}}}"))
                .hasMessage("it lists no cells");
        assertThatThrownBy(() -> parse("{\"region\": {\"value\": \"eu-west-1\"}}"))
                .hasMessageContaining("no output named \"cells\"");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("no output named \"cells\"");
    }

    @Test
    void rejectsABadIngressUrl() {
        assertThatThrownBy(() -> parse(document("eu-west-1", "eu-west-1", "127.0.0.1:8110", "active")))
                .hasMessage("cell \"eu-west-1\": ingress_url \"127.0.0.1:8110\" is not a URL");
        assertThatThrownBy(() -> parse(document("eu-west-1", "eu-west-1", "https://127.0.0.1:8110", "active")))
                .hasMessage("cell \"eu-west-1\": ingress_url \"https://127.0.0.1:8110\" is not of the form http://host[:port]");
        assertThatThrownBy(() -> parse(document("eu-west-1", "eu-west-1", "http://cell a", "active")))
                .hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> parse(document("eu-west-1", "eu-west-1", "http://10.0.0.1/prefix", "active")))
                .hasMessageContaining("is not of the form http://host[:port]");
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() -> parse("""
                {"cells": {"value": {
                  "a": {"id": "eu-west-1", "region": "eu-west-1", "ingress_url": "http://127.0.0.1:8110", "state": "active"},
                  "b": {"id": "eu-west-1", "region": "eu-west-1", "ingress_url": "http://127.0.0.1:8120", "state": "active"}}}}
                """)).hasMessage("cell id \"eu-west-1\" appears twice");
    }

    @Test
    void rejectsMissingFieldsAndUnknownStates() {
        assertThatThrownBy(() -> parse(document("eu-west-1", " ", "http://127.0.0.1:8110", "active")))
                .hasMessage("cell \"eu-west-1\": region is missing");
        assertThatThrownBy(() -> parse(document("eu-west-1", "eu-west-1", "http://127.0.0.1:8110", "paused")))
                .hasMessage("cell \"eu-west-1\": state \"paused\" is neither active nor draining");
        assertThatThrownBy(() -> parse("{\"cells\": {\"value\": {\"eu-west-1\": \"http://127.0.0.1:8110\"}}}"))
                .hasMessage("cell \"eu-west-1\" is not an object");
    }

    private CellRegistry parse(String document) throws InvalidRegistryException {
        return RegistryDocument.parse(json, document.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String id, String region, String ingressUrl, String state) {
        return "{\"cells\": {\"value\": {\"" + id + "\": {\"id\": \"" + id + "\", \"region\": \"" + region
                + "\", \"ingress_url\": \"" + ingressUrl + "\", \"state\": \"" + state + "\"}}}}";
    }
}
