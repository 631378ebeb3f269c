package io.atoll.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Writes registry files the way {@code terraform output -json > file} would, and replaces them atomically. */
final class RegistryFileWriter {
    private final Path file;

    RegistryFileWriter(Path file) {
        this.file = file;
    }

    static RegistryFileWriter inTemporaryFolder() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "registries"));
            return new RegistryFileWriter(Files.createTempFile(folder, "cells-", ".json").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    /** A cell entry; the cell's id doubles as its region. */
    static Entry entry(StandInCell cell, String state) {
        return new Entry(cell.id(), cell.id(), cell.url().toString(), state);
    }

    static Entry entry(StandInCell cell) {
        return entry(cell, "active");
    }

    RegistryFileWriter write(List<Entry> entries) {
        return write("{\"cells\": {\"sensitive\": false, \"type\": [\"map\", [\"object\", {\"id\": \"string\"}]], \"value\": {"
                + entries.stream().map(Entry::json).collect(Collectors.joining(",")) + "}}}");
    }

    RegistryFileWriter write(String content) {
        try {
            Path next = Files.createTempFile(file.getParent(), "next-", ".json");
            Files.writeString(next, content, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    record Entry(String id, String region, String ingressUrl, String state) {
        String json() {
            return "\"" + id + "\": {\"id\": \"" + id + "\", \"region\": \"" + region + "\", \"ingress_url\": \""
                    + ingressUrl + "\", \"state\": \"" + state + "\"}";
        }
    }
}
