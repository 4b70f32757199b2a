package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and pcap/README.md is real code that compiles against the
 * published modules: it appears, whitespace aside, in a main source file of this module (where the
 * build compiles it and the tests run it), or, for a layout the README shows
 * as shipped, in a main source file of a published module (Javadoc aside). A snippet edited in the
 * README without its example, or the other way round, fails here.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The published modules whose main sources a README may show as they are. */
    private static final List<String> PUBLISHED = List.of("wire-runtime", "wire-annotations", "pcap", "protocols");

    /** The repository root: the parent of this module's directory, where surefire runs the tests. */
    private static Path repository() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("README.md")).as("README.md in the repository root " + root).isRegularFile();
        return root;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetIsCompiledCode() throws IOException {
        Path root = repository();
        Map<Path, String> sources = new LinkedHashMap<>();
        readSources(root.resolve("examples/src/main/java/io/zerowire/examples"), sources);
        assertThat(sources).as("snippet sources").isNotEmpty();
        for (String module : PUBLISHED) {
            readSources(root.resolve(module).resolve("src/main/java"), sources);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String readme : List.of("README.md", "pcap/README.md")) {
            List<Snippet> snippets = javaBlocks(root.resolve(readme));
            assertThat(snippets).as("java blocks of " + readme).isNotEmpty();
            for (Snippet snippet : snippets) {
                tests.add(DynamicTest.dynamicTest(readme + " line " + snippet.line(), () -> {
                    String wanted = normalize(snippet.text());
                    List<Path> found = sources.entrySet().stream().filter(e -> e.getValue().contains(wanted))
                            .map(Map.Entry::getKey).toList();
                    assertThat(found).as("a main source file of examples holding the snippet at "
                            + readme + " line " + snippet.line() + " (edit both together):%n%s", snippet.text())
                            .isNotEmpty();
                }));
            }
        }
        return tests.stream();
    }

    /** A fenced java block, with the line of its opening fence. */
    record Snippet(int line, String text) {}

    static List<Snippet> javaBlocks(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            assertThat(i).as("the java block at " + markdown + " line " + (start + 1) + " is closed").isLessThan(lines.size());
            snippets.add(new Snippet(start + 1, text.toString()));
        }
        return snippets;
    }

    private static void readSources(Path dir, Map<Path, String> into) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                into.put(file, normalize(JAVADOC.matcher(source).replaceAll(" ")));
            }
        }
    }

    /** Runs of whitespace, indentation included, count as one space. */
    static String normalize(String code) {
        return WHITESPACE.matcher(code).replaceAll(" ").strip();
    }
}
