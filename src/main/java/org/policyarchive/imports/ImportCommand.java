package org.policyarchive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFile;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.Kinds;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.TextEncoding;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command-line bulk import: {@code java -jar app.jar --archive.import=FILE.jsonl} (or {@code .csv}) runs the
 * same job as the admin page in the foreground, prints progress and the rejected lines, and exits: 0 when every
 * line went in (or was already there), 2 when some lines were rejected, 1 when the import could not run. The file is
 * read as UTF-8, or in the encoding {@code --archive.import-encoding=GB18030} names. A kind the archive does not know
 * is read as {@code --archive.import-kind-mappings="party congress report → report; sermon → speech"} maps it, or
 * added with {@code --archive.import-create-kinds=true}: the choices of the admin page, read by the same
 * {@link ImportKinds}.
 */
@Component
class ImportCommand implements ApplicationRunner {

    static final String PROPERTY = "archive.import";
    static final String ENCODING_PROPERTY = "archive.import-encoding";
    static final String KIND_MAPPINGS_PROPERTY = "archive.import-kind-mappings";
    static final String CREATE_KINDS_PROPERTY = "archive.import-create-kinds";
    private static final int MAX_PRINTED_ERRORS = 1000;

    private final Environment environment;
    private final ImportJobService imports;
    private final MessageSource messages;
    private final Kinds kinds;
    private final ConfigurableApplicationContext context;

    ImportCommand(
            Environment environment,
            ImportJobService imports,
            MessageSource messages,
            Kinds kinds,
            ConfigurableApplicationContext context) {
        this.environment = environment;
        this.imports = imports;
        this.messages = messages;
        this.kinds = kinds;
        this.context = context;
    }

    /** Whether this process was started to run a command-line import. */
    static boolean isRequested(Environment environment) {
        String file = environment.getProperty(PROPERTY);
        return file != null && !file.isBlank();
    }

    private String english(ImportMessage message) {
        return messages.getMessage(message.key(), message.argumentArray(), Locale.ENGLISH);
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (!isRequested(environment)) {
            return;
        }
        String encoding = environment.getProperty(ENCODING_PROPERTY, TextEncoding.UTF_8.label());
        int code = runImport(
                Path.of(environment.getProperty(PROPERTY)),
                encoding,
                environment.getProperty(KIND_MAPPINGS_PROPERTY),
                environment.getProperty(CREATE_KINDS_PROPERTY),
                System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int runImport(Path file, PrintStream out) throws Exception {
        return runImport(file, TextEncoding.UTF_8.label(), out);
    }

    int runImport(Path file, String encodingName, PrintStream out) throws Exception {
        return runImport(file, encodingName, null, null, out);
    }

    /**
     * Imports {@code file}, in the encoding named {@code encodingName}, with the kind mappings and the choice to add
     * kinds as the options give them (none given: neither); returns the exit code. Options it cannot read stop it
     * before it reads a line.
     */
    int runImport(
            Path file,
            String encodingName,
            @Nullable String kindMappings,
            @Nullable String createKinds,
            PrintStream out)
            throws Exception {
        InterchangeFormat format = InterchangeFormat.ofFileName(file.toString()).orElse(null);
        if (format == null || !Files.isRegularFile(file)) {
            out.println("Cannot import " + file + ": expected an existing .jsonl or .csv file");
            return 1;
        }
        TextEncoding encoding = TextEncoding.named(encodingName).orElse(null);
        if (encoding == null) {
            out.println("Cannot import " + file + ": unknown encoding " + encodingName + " (use "
                    + Arrays.stream(TextEncoding.values())
                            .map(TextEncoding::label)
                            .collect(Collectors.joining(" or "))
                    + ")");
            return 1;
        }
        // the option alone, without a value, asks for it too
        Boolean create =
                createKinds == null ? Boolean.FALSE : createKinds.isBlank() ? Boolean.TRUE : yesOrNo(createKinds);
        if (create == null) {
            out.println("Cannot import " + file + ": --" + CREATE_KINDS_PROPERTY + " is true or false, not "
                    + createKinds.strip());
            return 1;
        }
        ImportKinds unknownKinds;
        try {
            unknownKinds = ImportKinds.read(kindMappings, create, kinds);
        } catch (InputRejectedException e) {
            out.println("Cannot import " + file + ", --" + KIND_MAPPINGS_PROPERTY + ": "
                    + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
            return 1;
        }
        out.printf("Importing %s (%,d bytes, %s)%n", file, Files.size(file), encoding.label());
        if (encoding == TextEncoding.UTF_8) {
            return report(runNow(file, format, unknownKinds, out), out);
        }
        // the import reads UTF-8: it reads a converted copy, under the file's own name, which the job shows
        Path directory = Files.createTempDirectory("archive-import-");
        Path converted = directory.resolve(file.getFileName());
        try {
            try (InputStream content = InterchangeFile.inUtf8(Files.newInputStream(file), encoding.charset())) {
                Files.copy(content, converted);
            }
            return report(runNow(converted, format, unknownKinds, out), out);
        } finally {
            Files.deleteIfExists(converted);
            Files.deleteIfExists(directory);
        }
    }

    private static @Nullable Boolean yesOrNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
    }

    private ImportJobView runNow(Path file, InterchangeFormat format, ImportKinds unknownKinds, PrintStream out)
            throws IOException {
        return imports.runNow(
                file,
                format,
                "command-line",
                unknownKinds,
                progress -> out.printf(
                        "  %3d%%  lines %,d  imported %,d  skipped %,d  rejected %,d  %,d records/s%n",
                        progress.percent(),
                        progress.linesRead(),
                        progress.recordsImported(),
                        progress.recordsSkipped(),
                        progress.linesRejected(),
                        progress.recordsPerSecond()));
    }

    /** Prints what the job did, the lines it rejected and how many texts were already there; returns the exit code. */
    private int report(ImportJobView job, PrintStream out) {
        out.printf(
                "Import %d %s in %.1f s: %,d records imported, %,d already present (skipped), %,d lines rejected%n",
                job.id(),
                job.status().name().toLowerCase(),
                job.elapsedSeconds(),
                job.recordsImported(),
                job.recordsSkipped(),
                job.linesRejected());
        if (job.message() != null) {
            out.println(english(job.message()));
        }
        List<ImportJobs.ImportError> errors = imports.errors(job.id(), 0, MAX_PRINTED_ERRORS);
        errors.forEach(error -> out.printf(
                "  line %d: %s%n",
                error.lineNumber(), error.message() == null ? error.reason() : english(error.message())));
        if (job.linesRejected() > errors.size()) {
            out.printf("  ... and %,d more rejected lines%n", job.linesRejected() - errors.size());
        }
        long warnings = imports.countWarnings(job.id());
        if (warnings > 0) {
            out.printf(
                    "%,d lines have a text already in the archive or in an earlier line, the same or nearly: imported all"
                            + " the same, listed with links on the job's page, /admin/imports/%d%n",
                    warnings, job.id());
        }
        if (job.status() != ImportStatus.SUCCEEDED) {
            return 1;
        }
        return job.linesRejected() > 0 ? 2 : 0;
    }
}
