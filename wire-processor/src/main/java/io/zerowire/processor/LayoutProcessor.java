package io.zerowire.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Compiles every {@code @ValueSet} interface into an open enum ({@link ValueSetWriter}), and every
 * {@code @Header} interface into a view and a builder, in three steps that never
 * mix: {@link LayoutReader} reads the declaration, {@link LayoutValidator} reports every mistake
 * at the element at fault, and {@link ViewWriter} and {@link BuilderWriter} write code from the
 * {@link LayoutModel}. Nothing escapes {@link #process}: an unexpected failure becomes an error
 * on the layout being processed.
 *
 * <p>Isolating for Gradle: each generated file depends on one layout interface only.
 */
@AutoService(Processor.class)
public final class LayoutProcessor extends AbstractProcessor {
    private static final String HEADER = "io.zerowire.annotations.Header";

    /** Layouts put off to the next round because a field's type was missing: perhaps a value set's class not written yet. */
    private final Set<String> deferred = new LinkedHashSet<>();

    /** Created by the compiler through the service loader. */
    public LayoutProcessor() {}

    /**
     * All of the layout language, and the {@code @Generated} that the generated files carry, so that
     * users compiling with {@code -Xlint:all -Werror} see no "unclaimed annotation" warning.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("io.zerowire.annotations.*", "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement header = processingEnv.getElementUtils().getTypeElement(HEADER);
        if (header == null) {
            return false;
        }
        Reporter reporter = new Reporter(processingEnv.getMessager());
        // The classes written this round, by name, so that two declarations of one class are reported.
        Map<String, TypeElement> generated = new HashMap<>();
        TypeElement valueSet = processingEnv.getElementUtils().getTypeElement(ValueSetReader.VALUE_SET);
        if (valueSet != null) {
            for (Element element : round.getElementsAnnotatedWith(valueSet)) {
                try {
                    processValueSet(element, reporter, generated);
                } catch (RuntimeException | IOException e) {
                    reporter.internalError(element, e);
                }
            }
        }
        TypeElement optionHeader = processingEnv.getElementUtils().getTypeElement(OptionHeaderReader.OPTION_HEADER);
        if (optionHeader != null) {
            for (Element element : round.getElementsAnnotatedWith(optionHeader)) {
                try {
                    processOptionHeader(element, reporter, generated);
                } catch (RuntimeException | IOException e) {
                    reporter.internalError(element, e);
                }
            }
        }
        List<Element> layouts = new ArrayList<>();
        for (String name : deferred) {
            layouts.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        deferred.clear();
        layouts.addAll(round.getElementsAnnotatedWith(header));
        for (Element element : layouts) {
            if (!round.processingOver() && namesMissingType(element)) {
                // Perhaps a value set's class, generated this round: look again in the next one.
                deferred.add(((TypeElement) element).getQualifiedName().toString());
                continue;
            }
            try {
                processLayout(element, reporter, generated);
            } catch (RuntimeException | IOException e) {
                reporter.internalError(element, e);
            }
        }
        return true;
    }

    /** Whether a field of the layout has a type that does not exist (yet). */
    private static boolean namesMissingType(Element layout) {
        return LayoutReader.Mirrors.isInterface(layout) && ElementFilter.methodsIn(layout.getEnclosedElements()).stream()
                .anyMatch(method -> method.getReturnType().getKind() == TypeKind.ERROR);
    }

    private void processValueSet(Element element, Reporter reporter, Map<String, TypeElement> generated)
            throws IOException {
        if (!LayoutReader.Mirrors.isInterface(element)) {
            reporter.error(element, LayoutReader.Mirrors.find(element, ValueSetReader.VALUE_SET),
                    Message.VALUE_SET_NOT_AN_INTERFACE, element.getSimpleName());
            return;
        }
        ValueSetDeclaration set = new ValueSetReader(processingEnv.getElementUtils()).read((TypeElement) element);
        if (!new ValueSetValidator(reporter).validate(set)) {
            return;
        }
        TypeElement owner = generated.putIfAbsent(set.packageName() + "." + set.className(), set.element());
        if (owner != null) {
            reporter.error(element, set.mirror(), Message.VALUE_SET_DUPLICATE_CLASS, element.getSimpleName(),
                    set.packageName() + "." + set.className(), owner.getSimpleName());
        } else {
            write(processingEnv.getFiler(), set.packageName(),
                    new ValueSetWriter(set, processingEnv.getElementUtils(), canAnnotateGenerated(element)).write());
        }
    }

    private void processOptionHeader(Element element, Reporter reporter, Map<String, TypeElement> generated)
            throws IOException {
        if (!LayoutReader.Mirrors.isInterface(element)) {
            reporter.error(element, LayoutReader.Mirrors.find(element, OptionHeaderReader.OPTION_HEADER),
                    Message.OPTION_HEADER_NOT_AN_INTERFACE, element.getSimpleName());
            return;
        }
        OptionHeaderDeclaration header = new OptionHeaderReader(processingEnv.getElementUtils()).read((TypeElement) element);
        OptionHeaderModel model = new OptionHeaderRules(reporter).validate(header);
        if (model == null) {
            return;
        }
        TypeElement owner = generated.putIfAbsent(header.formatClass().canonicalName(), header.element());
        if (owner != null) {
            reporter.error(element, header.mirror(), Message.DUPLICATE_GENERATED_NAME, element.getSimpleName(),
                    header.formatClass().canonicalName(), owner.getSimpleName());
            return;
        }
        write(processingEnv.getFiler(), header.packageName(),
                new OptionHeaderWriter(model, canAnnotateGenerated(element)).write());
    }

    private void processLayout(Element element, Reporter reporter, Map<String, TypeElement> generated)
            throws IOException {
        if (!LayoutReader.Mirrors.isInterface(element)) {
            reporter.error(element, LayoutReader.Mirrors.find(element, HEADER), Message.NOT_AN_INTERFACE,
                    element.getSimpleName());
            return;
        }
        LayoutDeclaration declaration = new LayoutReader(processingEnv.getElementUtils()).read((TypeElement) element);
        if (!new LayoutValidator(reporter).validate(declaration)) {
            return;
        }
        List<LayoutModel> models = LayoutModel.of(declaration);
        List<String> names = new ArrayList<>();
        if (declaration.generic()) {
            names.add(GenericViewWriter.genericClass(declaration).canonicalName());
        }
        for (LayoutModel model : models) {
            names.add(model.viewClass().canonicalName());
            names.add(model.builderClass().canonicalName());
        }
        for (String name : names) {
            // Only within the round: a class of that name on the classpath may be last build's output.
            TypeElement owner = generated.putIfAbsent(name, declaration.element());
            if (owner != null) {
                reporter.error(element, declaration.headerMirror(), Message.DUPLICATE_GENERATED_NAME,
                        element.getSimpleName(), name, owner.getSimpleName());
                return;
            }
        }
        Filer filer = processingEnv.getFiler();
        boolean annotate = canAnnotateGenerated(element);
        List<TypeSpec> views = new ArrayList<>();
        for (LayoutModel model : models) {
            views.add(new ViewWriter(model, annotate).write());
        }
        if (declaration.generic()) {
            // One generic view type that both specializations implement.
            GenericViewWriter generic = new GenericViewWriter(models.get(0), views.get(0), views.get(1), annotate);
            write(filer, declaration.packageName(), generic.write());
            views = List.of(generic.implementing(views.get(0), Specialization.V4),
                    generic.implementing(views.get(1), Specialization.V6));
        }
        for (int i = 0; i < models.size(); i++) {
            write(filer, declaration.packageName(), views.get(i));
            write(filer, declaration.packageName(), new BuilderWriter(models.get(i), annotate).write());
        }
    }

    /**
     * Whether the generated files may carry {@code @Generated}. It lives in the {@code java.compiler}
     * module, which a named module (a layout with a {@code module-info.java}) reads only if it
     * requires it; there the annotation is left out rather than failing the user's build.
     */
    private boolean canAnnotateGenerated(Element layout) {
        Elements elements = processingEnv.getElementUtils();
        ModuleElement module = elements.getModuleOf(layout);
        if (module == null || module.isUnnamed()) {
            return elements.getTypeElement(Generation.GENERATED.canonicalName()) != null;
        }
        return ElementFilter.requiresIn(module.getDirectives()).stream()
                .anyMatch(requires -> requires.getDependency().getQualifiedName().contentEquals("java.compiler"));
    }

    private static void write(Filer filer, String packageName, TypeSpec type) throws IOException {
        // The originating element, set by the writers, is what makes the processor isolating.
        JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .writeTo(filer);
    }
}
