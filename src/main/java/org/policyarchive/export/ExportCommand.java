package org.policyarchive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFormat;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command-line export: {@code java -jar app.jar --archive.export=FILE.jsonl} (or {@code .csv}, or any name with
 * {@code --archive.export-format=jsonl|csv}) writes the whole archive, drafts and withdrawn records with their status
 * ({@code --archive.export-scope=published} for the published ones only), and exits: 0 when the file is written, 1
 * when it could not be. The file appears under its name only once it is complete.
 */
@Component
class ExportCommand implements ApplicationRunner {

    static final String PROPERTY = "archive.export";
    static final String FORMAT_PROPERTY = "archive.export-format";
    static final String SCOPE_PROPERTY = "archive.export-scope";

    private final Environment environment;
    private final ArchiveExport export;
    private final ConfigurableApplicationContext context;

    ExportCommand(Environment environment, ArchiveExport export, ConfigurableApplicationContext context) {
        this.environment = environment;
        this.export = export;
        this.context = context;
    }

    /** Whether this process was started to run a command-line export. */
    static boolean isRequested(Environment environment) {
        String file = environment.getProperty(PROPERTY);
        return file != null && !file.isBlank();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!isRequested(environment)) {
            return;
        }
        int code = runExport(
                Path.of(environment.getProperty(PROPERTY).strip()),
                environment.getProperty(FORMAT_PROPERTY),
                environment.getProperty(SCOPE_PROPERTY),
                System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Exports to {@code file}; returns the exit code. */
    int runExport(Path file, @Nullable String formatName, @Nullable String scopeName, PrintStream out) {
        Optional<InterchangeFormat> format = formatName == null || formatName.isBlank()
                ? InterchangeFormat.ofFileName(file.toString()).or(() -> Optional.of(InterchangeFormat.JSONL))
                : InterchangeFormat.ofFileName("." + formatName.strip());
        if (format.isEmpty()) {
            out.println("Cannot export: unknown format " + formatName + " (use jsonl or csv)");
            return 1;
        }
        Optional<ArchiveExport.Scope> scope = scopeName == null || scopeName.isBlank()
                ? Optional.of(ArchiveExport.Scope.EVERYTHING)
                : Arrays.stream(ArchiveExport.Scope.values())
                        .filter(s -> s.name().equalsIgnoreCase(scopeName.strip()))
                        .findFirst();
        if (scope.isEmpty()) {
            out.println("Cannot export: unknown scope " + scopeName + " (use everything or published)");
            return 1;
        }
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        long start = System.nanoTime();
        try {
            ArchiveExport.Written written;
            try (OutputStream stream = Files.newOutputStream(partial)) {
                written = export.export(scope.get(), format.get(), stream);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf(
                    Locale.ROOT,
                    "Exported %,d records, %,d people and %,d themes (%s, %s) to %s in %.1f s (%,d bytes)%n",
                    written.records(),
                    written.people(),
                    written.themes(),
                    scope.get().name().toLowerCase(Locale.ROOT),
                    format.get().name().toLowerCase(Locale.ROOT),
                    absolute,
                    (System.nanoTime() - start) / 1e9,
                    Files.size(absolute));
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("Cannot export to " + absolute + ": " + e);
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message above already says the export failed
            }
            return 1;
        }
    }
}
