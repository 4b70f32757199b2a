package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import io.zerowire.annotations.Checksum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The variants a type field selects ({@code @Variants}): each a name, the type values that select
 * it and the layout of the bytes after the header. Read from the annotation mirrors (the processor
 * never loads user classes); checked by {@link VariantRules}, written by {@link VariantWriter}.
 */
final class VariantModel {
    private static final String HEADER = "io.zerowire.annotations.Header";

    /** One {@code @Variant} as declared: {@code layout} is null when the class named is not a declared type. */
    record Declared(String name, List<Integer> values, TypeMirror layoutType, TypeElement layout, AnnotationMirror mirror) {
        /** The variant layout's {@code @Header}, or null when it is not a layout. */
        AnnotationMirror header() {
            return layout == null ? null : LayoutReader.Mirrors.find(layout, HEADER);
        }
    }

    /** A variant laid out for the writers: its generated view and builder, and the view field that holds its view. */
    record Variant(String name, List<Integer> values, ClassName view, ClassName builder, String slot) {
        /** The {@code Kind} constant: {@code echoRequest} is {@code ECHO_REQUEST}. */
        String constant() {
            return VariantModel.constant(name);
        }
    }

    private final FieldModel selector;
    private final List<Variant> variants;
    private final Map<String, ClassName> slots;

    private VariantModel(FieldModel selector, List<Variant> variants, Map<String, ClassName> slots) {
        this.selector = selector;
        this.variants = variants;
        this.slots = slots;
    }

    /** The variants of a valid layout's type field, or null when the layout declares none. */
    static VariantModel of(LayoutModel model) {
        FieldModel selector = model.fields().stream()
                .filter(f -> f.declaration().variantsMirror() != null).findFirst().orElse(null);
        if (selector == null) {
            return null;
        }
        List<Variant> variants = new ArrayList<>();
        Map<String, ClassName> slots = new LinkedHashMap<>();
        for (Declared declared : read(selector.declaration())) {
            String viewName = LayoutReader.viewName(declared.layout(), declared.header());
            String packageName = packageOf(declared.layout());
            ClassName view = ClassName.get(packageName, viewName);
            // One view per variant layout: variants that share a layout share its view.
            String slot = Character.toLowerCase(viewName.charAt(0)) + viewName.substring(1);
            slots.putIfAbsent(slot, view);
            variants.add(new Variant(declared.name(), declared.values(), view,
                    ClassName.get(packageName, viewName + "Builder"), slot));
        }
        return new VariantModel(selector, Collections.unmodifiableList(variants), Collections.unmodifiableMap(slots));
    }

    /** Every {@code @Variant} of a type field, in declaration order. */
    static List<Declared> read(FieldDeclaration field) {
        AnnotationMirror variants = field.variantsMirror();
        List<Declared> declared = new ArrayList<>();
        for (Object value : (List<?>) LayoutReader.Mirrors.value(variants, "value")) {
            AnnotationMirror mirror = (AnnotationMirror) ((AnnotationValue) value).getValue();
            List<Integer> values = new ArrayList<>();
            for (Object number : (List<?>) LayoutReader.Mirrors.value(mirror, "value")) {
                values.add(((Number) ((AnnotationValue) number).getValue()).intValue());
            }
            TypeMirror layoutType = (TypeMirror) LayoutReader.Mirrors.value(mirror, "layout");
            TypeElement layout = layoutType.getKind() == TypeKind.DECLARED
                    ? (TypeElement) ((DeclaredType) layoutType).asElement() : null;
            declared.add(new Declared(LayoutReader.Mirrors.stringValue(mirror, "name"), List.copyOf(values),
                    layoutType, layout, mirror));
        }
        return declared;
    }

    private static String packageOf(Element element) {
        Element e = element;
        while (e.getEnclosingElement() != null && !(e instanceof javax.lang.model.element.PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((javax.lang.model.element.PackageElement) e).getQualifiedName().toString();
    }

    static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The type field. */
    FieldModel selector() {
        return selector;
    }

    List<Variant> variants() {
        return variants;
    }

    /** The view field name of each variant layout's view, and its class. */
    Map<String, ClassName> slots() {
        return slots;
    }

    /**
     * Whether the layout's checksum covers what follows the header, and so the variant: a
     * {@code HEADER_AND_BODY} or pseudo-header checksum (ICMP's, ICMPv6's), not a header-only one.
     */
    static boolean checksumCoversVariant(LayoutModel model) {
        FieldModel checksum = model.checksum();
        return checksum != null && checksum.checksum().covers() != Checksum.Coverage.HEADER;
    }

    /**
     * Whether a layout may be a variant, so that its view keeps a covering checksum right: fixed
     * fields only, no checksum of its own, not generic. Its view then has {@code coveredByChecksumAt}.
     */
    static boolean coverable(LayoutModel model) {
        return coverable(model.declaration());
    }

    private static boolean coverable(LayoutDeclaration layout) {
        return !layout.generic() && layout.fields().stream().allMatch(f -> f.presentIf() == null
                && f.checksumMirror() == null && f.headerLengthMirror() == null && f.totalLengthMirror() == null
                && f.optionsMirror() == null);
    }

    /** Why a variant's layout is not {@link #coverable}, or null when it is, from its annotations alone. */
    static String notFixed(TypeElement layout) {
        if (!layout.getTypeParameters().isEmpty()) {
            return "has a type parameter";
        }
        for (javax.lang.model.element.ExecutableElement method
                : javax.lang.model.util.ElementFilter.methodsIn(layout.getEnclosedElements())) {
            if (LayoutReader.isHelper(method)) {
                continue;
            }
            if (LayoutReader.Mirrors.find(method, "io.zerowire.annotations.Checksum") != null) {
                return "has a checksum of its own";
            }
            for (String annotation : List.of("HeaderLength", "TotalLength", "Options", "PresentIf")) {
                if (LayoutReader.Mirrors.find(method, "io.zerowire.annotations." + annotation) != null) {
                    return "has @" + annotation + " on " + method.getSimpleName() + "()";
                }
            }
        }
        return null;
    }
}
