package org.policyarchive.system;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The encodings a text file may come in: UTF-8 unless the editor says otherwise, or GB18030, which Chinese editions
 * of Windows and Excel write.
 */
public enum TextEncoding {
    UTF_8(StandardCharsets.UTF_8),
    GB18030(Charset.forName("GB18030"));

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** The encoding called {@code name}, by any of its charset's names ({@code UTF-8}, {@code utf8}, {@code gb18030}). */
    public static Optional<TextEncoding> named(String name) {
        return Arrays.stream(values())
                .filter(encoding -> encoding.name().equalsIgnoreCase(name.strip())
                        || encoding.charset.name().equalsIgnoreCase(name.strip())
                        || encoding.charset.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(name.strip())))
                .findFirst();
    }

    /** What pages and the command line call it: {@code UTF-8}, {@code GB18030}. */
    public String label() {
        return charset.name();
    }
}
