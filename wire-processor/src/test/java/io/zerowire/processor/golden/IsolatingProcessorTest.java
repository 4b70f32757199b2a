package io.zerowire.processor.golden;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.zerowire.processor.LayoutProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor declares itself isolating for Gradle's incremental compilation, which holds only if
 * every file it writes names exactly one originating element: the layout it was generated from.
 * compile-testing does not keep originating elements, so the processor runs behind a {@link Filer}
 * that records them.
 */
class IsolatingProcessorTest {

    private static final JavaFileObject IPV4 = GoldenSourcesTest.IPV4_LAYOUT;
    private static final JavaFileObject PROTOCOL = GoldenSourcesTest.IP_PROTOCOL;
    private static final JavaFileObject IPV4_OPTIONS = GoldenSourcesTest.IPV4_OPTIONS;
    private static final JavaFileObject UDP = GoldenSourcesTest.UDP_LAYOUT;

    @Test
    void everyGeneratedFileHasExactlyItsLayoutAsOriginatingElement() {
        RecordingProcessor processor = new RecordingProcessor(new LayoutProcessor());
        Compilation compilation = javac().withProcessors(processor).compile(IPV4, PROTOCOL, IPV4_OPTIONS, UDP);
        assertThat(compilation).succeeded();

        Map<String, List<String>> expected = new TreeMap<>(Map.of(
                "golden.ipv4.Ipv4Header", List.of("golden.ipv4.Ipv4HeaderLayout"),
                "golden.ipv4.Ipv4HeaderBuilder", List.of("golden.ipv4.Ipv4HeaderLayout"),
                "golden.udp.UdpHeader", List.of("golden.udp.UdpHeaderLayout"),
                "golden.ipv4.Ipv4OptionFormat", List.of("golden.ipv4.Ipv4OptionLayout"),
                "golden.udp.UdpHeaderV4", List.of("golden.udp.UdpHeaderLayout"),
                "golden.udp.UdpHeaderV4Builder", List.of("golden.udp.UdpHeaderLayout"),
                "golden.udp.UdpHeaderV6", List.of("golden.udp.UdpHeaderLayout"),
                "golden.udp.UdpHeaderV6Builder", List.of("golden.udp.UdpHeaderLayout")));
        assertEquals(expected, processor.originsBySourceFile);
        assertEquals(Map.of(), processor.otherFiles, "an isolating processor writes only sources here");
        assertEquals(8, compilation.generatedSourceFiles().size());
    }

    @Test
    void nestedLayoutIsTheOriginatingElementOfItsFiles() {
        JavaFileObject nested = JavaFileObjects.forSourceString("p.Outer", String.join("\n",
                "package p;",
                "",
                "import io.zerowire.annotations.Bits;",
                "import io.zerowire.annotations.Header;",
                "",
                "final class Outer {",
                "    @Header",
                "    interface FooLayout {",
                "        @Bits(8) int ttl();",
                "    }",
                "}",
                ""));
        RecordingProcessor processor = new RecordingProcessor(new LayoutProcessor());
        assertThat(javac().withProcessors(processor).compile(nested)).succeeded();
        assertEquals(Map.of("p.Foo", List.of("p.Outer.FooLayout"), "p.FooBuilder", List.of("p.Outer.FooLayout")),
                processor.originsBySourceFile);
    }

    @Test
    void aValueSetIsTheOnlyOriginatingElementOfItsClassAndNotOfTheLayoutsUsingIt() {
        JavaFileObject set = JavaFileObjects.forSourceString("p.Outer", String.join("\n",
                "package p;",
                "",
                "import io.zerowire.annotations.ValueSet;",
                "",
                "final class Outer {",
                "    @ValueSet(bits = 8)",
                "    interface Kinds {",
                "        int ECHO = 8;",
                "        int value();",
                "        default boolean isEcho() { return value() == ECHO; }",
                "    }",
                "}",
                ""));
        JavaFileObject layout = JavaFileObjects.forSourceString("p.FooLayout", String.join("\n",
                "package p;",
                "",
                "import io.zerowire.annotations.Bits;",
                "import io.zerowire.annotations.Header;",
                "",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) Kind kind();",
                "}",
                ""));
        RecordingProcessor processor = new RecordingProcessor(new LayoutProcessor());
        assertThat(javac().withProcessors(processor).compile(set, layout)).succeeded();
        assertEquals(Map.of("p.Kind", List.of("p.Outer.Kinds"), "p.Foo", List.of("p.FooLayout"),
                "p.FooBuilder", List.of("p.FooLayout")), processor.originsBySourceFile);
    }

    @Test
    void gradleRegistrationSaysIsolating() throws IOException {
        String name = "META-INF/gradle/incremental.annotation.processors";
        try (InputStream in = LayoutProcessor.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing from the processor jar");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
            assertEquals(List.of(LayoutProcessor.class.getName() + ",isolating"), lines);
        }
    }

    /**
     * The processor claims the layout language only, never {@code "*"}: a processor claiming every
     * annotation is handed every source file, which defeats incremental processing.
     */
    @Test
    void supportedAnnotationTypesAreTheLayoutLanguageOnly() {
        Set<String> supported = new LayoutProcessor().getSupportedAnnotationTypes();
        assertTrue(supported.contains("io.zerowire.annotations.*"), supported::toString);
        for (String type : supported) {
            assertTrue(type.equals("io.zerowire.annotations.*") || !type.contains("*"),
                    () -> "claims more than the layout language: " + type);
        }
    }

    /** Runs a processor behind a {@link Filer} that records the originating elements of every file. */
    private static final class RecordingProcessor implements Processor {
        private final Processor delegate;
        final Map<String, List<String>> originsBySourceFile = new TreeMap<>();
        final Map<String, List<String>> otherFiles = new TreeMap<>();

        RecordingProcessor(Processor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void init(ProcessingEnvironment environment) {
            delegate.init(new RecordingEnvironment(environment, this));
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }

        static List<String> names(Element... elements) {
            return Stream.of(elements)
                    .map(e -> e instanceof TypeElement ? ((TypeElement) e).getQualifiedName().toString()
                            : e.getKind().toString().toLowerCase(Locale.ROOT) + " " + e)
                    .collect(Collectors.toList());
        }
    }

    private static final class RecordingEnvironment implements ProcessingEnvironment {
        private final ProcessingEnvironment delegate;
        private final Filer filer;

        RecordingEnvironment(ProcessingEnvironment delegate, RecordingProcessor recorder) {
            this.delegate = delegate;
            Filer real = delegate.getFiler();
            this.filer = new Filer() {
                @Override
                public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    recorder.originsBySourceFile.put(name.toString(), RecordingProcessor.names(originatingElements));
                    return real.createSourceFile(name, originatingElements);
                }

                @Override
                public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    recorder.otherFiles.put("class " + name, RecordingProcessor.names(originatingElements));
                    return real.createClassFile(name, originatingElements);
                }

                @Override
                public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                        CharSequence relativeName, Element... originatingElements) throws IOException {
                    recorder.otherFiles.put("resource " + moduleAndPackage + "/" + relativeName,
                            RecordingProcessor.names(originatingElements));
                    return real.createResource(location, moduleAndPackage, relativeName, originatingElements);
                }

                @Override
                public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                        CharSequence relativeName) throws IOException {
                    return real.getResource(location, moduleAndPackage, relativeName);
                }
            };
        }

        @Override
        public Map<String, String> getOptions() {
            return delegate.getOptions();
        }

        @Override
        public Messager getMessager() {
            return delegate.getMessager();
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return delegate.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return delegate.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return delegate.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return delegate.getLocale();
        }

        @Override
        public boolean isPreviewEnabled() {
            return delegate.isPreviewEnabled();
        }
    }
}
