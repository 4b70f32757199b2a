package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.processor.behaviour.gen.WidthLayoutGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in width layouts are exactly what {@link WidthLayoutGenerator} writes, so nobody edits
 * them by hand and the catalog cannot drift from the layouts. On failure, regenerate (see the
 * generator's documentation).
 */
class WidthLayoutsUpToDateTest {
    @Test
    void generatedLayoutsAreUpToDate() throws IOException {
        Path root = Paths.get("src/test/java");
        assertThat(root.resolve("io/zerowire/processor/behaviour/gen/WidthLayoutGenerator.java"))
                .as("run from the wire-processor module directory").exists();
        Map<String, String> sources = WidthLayoutGenerator.sources();
        for (Map.Entry<String, String> file : sources.entrySet()) {
            Path path = root.resolve(file.getKey());
            assertThat(path).exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8)).as("%s is stale: regenerate it", path)
                    .isEqualTo(file.getValue());
        }
        try (var listing = Files.list(root.resolve(WidthLayoutGenerator.PACKAGE.replace('.', '/')))) {
            assertThat(listing.count()).as("files the generator does not write").isEqualTo(sources.size());
        }
    }
}
