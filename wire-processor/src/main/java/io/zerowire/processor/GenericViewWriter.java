package io.zerowire.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the generic view type of a layout generic over the IP address type: an interface, named
 * as the view without its {@code V4}/{@code V6} suffix, that both specializations implement, so
 * that code written once for both IP versions needs no dispatch.
 *
 * <p>It is derived from the two specialized views as written, not from the model: every public
 * instance method the two share, once {@code Ipv4Address}/{@code Ipv6Address} read as the type
 * parameter and each view as the generic type, becomes an abstract method of the interface (a
 * setter returns the generic type; the specializations return themselves, covariantly). What one
 * IP version alone has (the raw-bits {@code wrap}, {@code setSourceBits} of an IPv4 address) stays
 * on its specialization. Deriving it keeps the interface complete whatever the views offer.
 */
final class GenericViewWriter {
    private final LayoutModel v4Model;
    private final TypeSpec v4;
    private final TypeSpec v6;
    private final boolean annotateGenerated;
    private final ClassName generic;
    private final TypeVariableName parameter;

    /** For the two models of one generic declaration, in the order {@link LayoutModel#of} gives them. */
    GenericViewWriter(LayoutModel v4Model, TypeSpec v4, TypeSpec v6, boolean annotateGenerated) {
        this.v4Model = v4Model;
        this.v4 = v4;
        this.v6 = v6;
        this.annotateGenerated = annotateGenerated;
        this.generic = genericClass(v4Model.declaration());
        this.parameter = TypeVariableName.get(v4Model.element().getTypeParameters().get(0));
    }

    /** The generic view type's name: the views' name without the IP version. */
    static ClassName genericClass(LayoutDeclaration declaration) {
        return ClassName.get(declaration.packageName(), declaration.viewName());
    }

    /**
     * For a view with a pseudo-header checksum, the addresses it was wrapped with, as address
     * objects: what the checksum covers, for code that has only the view.
     */
    static List<MethodSpec> pseudoHeaderAccessors(LayoutModel model) {
        if (!Generation.pseudoHeader(model)) {
            return List.of();
        }
        ClassName address = Generation.pseudoAddressType(model);
        boolean v4 = model.pseudoHeader() == Specialization.V4;
        List<MethodSpec> accessors = new ArrayList<>();
        for (String end : List.of("source", "destination")) {
            String pseudo = "pseudo" + GeneratedNames.capitalized(end);
            accessors.add(MethodSpec.methodBuilder("pseudoHeader" + GeneratedNames.capitalized(end))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(address)
                    .addJavadoc("The $L address of the pseudo-header the checksum covers, as given to {@code wrap}.\n", end)
                    .addStatement(v4 ? CodeBlock.of("return $T.of($L)", address, pseudo)
                            : CodeBlock.of("return $T.of($LHigh, $LLow)", address, pseudo, pseudo))
                    .build());
        }
        return accessors;
    }

    /** The generic view type. */
    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(generic);
        if (annotateGenerated) {
            type.addAnnotation(Generation.generated());
        }
        type.addOriginatingElement(v4Model.element())
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(parameter)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(v4Model.element()), parameter))
                .addJavadoc(CodeBlock.builder()
                        .add("A zero-copy view of $L {@code $L} header over either IP version, generated from {@link $T}: "
                                        + "{@link $T} and {@link $T} implement it.\n\n",
                                Generation.article(v4Model.layer()), v4Model.layer(), ClassName.get(v4Model.element()),
                                ClassName.get(generic.packageName(), v4.name()),
                                ClassName.get(generic.packageName(), v6.name()))
                        .add("<p>Code written once for both versions takes this type: every field, setter and "
                                + "structure accessor is here, so nothing dispatches on the version.\n\n")
                        .add("@param <$L> the address type, {@code Ipv4Address} or {@code Ipv6Address}\n", parameter.name())
                        .build());
        for (Shared method : shared()) {
            MethodSpec.Builder abstractMethod = MethodSpec.methodBuilder(method.v4().name())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc(method.v4().javadoc())
                    .returns(method.returns())
                    .addExceptions(method.v4().exceptions());
            for (int i = 0; i < method.parameters().size(); i++) {
                abstractMethod.addParameter(method.parameters().get(i), method.v4().parameters().get(i).name());
            }
            type.addMethod(abstractMethod.build());
        }
        return type.build();
    }

    /** A specialized view (one of the two given), implementing the generic type, its shared methods marked {@code @Override}. */
    TypeSpec implementing(TypeSpec view, Specialization specialization) {
        List<MethodSpec> shared = new ArrayList<>();
        for (Shared pair : shared()) {
            shared.add(specialization == Specialization.V4 ? pair.v4() : pair.v6());
        }
        TypeSpec.Builder rebuilt = TypeSpec.classBuilder(view.name())
                .addJavadoc(view.javadoc())
                .addAnnotations(view.annotations())
                .addModifiers(view.modifiers().toArray(Modifier[]::new))
                .addSuperinterface(ParameterizedTypeName.get(generic, specialization.addressType()))
                .addFields(view.fieldSpecs())
                .addTypes(view.typeSpecs());
        // Views have no static or instance initializer blocks; a writer that adds one must copy it here too.
        view.originatingElements().forEach(rebuilt::addOriginatingElement);
        for (MethodSpec method : view.methodSpecs()) {
            if (shared.contains(method) && !overrides(method)) {
                method = method.toBuilder().addAnnotation(Override.class).build();
            }
            rebuilt.addMethod(method);
        }
        return rebuilt.build();
    }

    /** A method both views have, and its generic form. */
    private record Shared(MethodSpec v4, MethodSpec v6, TypeName returns, List<TypeName> parameters) {}

    /** The methods both views have once generalized, in the V4 view's order. */
    private List<Shared> shared() {
        List<Shared> shared = new ArrayList<>();
        for (MethodSpec method4 : v4.methodSpecs()) {
            if (!candidate(method4)) {
                continue;
            }
            for (MethodSpec method6 : v6.methodSpecs()) {
                Shared pair = candidate(method6) ? pair(method4, method6) : null;
                if (pair != null) {
                    shared.add(pair);
                    break;
                }
            }
        }
        return shared;
    }

    /** The generic form of two methods, or null when they are not one method of both views. */
    private Shared pair(MethodSpec method4, MethodSpec method6) {
        if (!method4.name().equals(method6.name()) || method4.parameters().size() != method6.parameters().size()) {
            return null;
        }
        TypeName returns = merge(method4.returnType(), method6.returnType());
        List<TypeName> parameters = new ArrayList<>();
        for (int i = 0; i < method4.parameters().size(); i++) {
            parameters.add(merge(method4.parameters().get(i).type(), method6.parameters().get(i).type()));
        }
        return returns == null || parameters.contains(null) ? null : new Shared(method4, method6, returns, parameters);
    }

    /**
     * The type the interface declares where the V4 view has {@code type4} and the V6 view {@code type6}:
     * the same type, the type parameter for the two address types, the generic type for the two
     * views; null when they differ otherwise (the raw-bits {@code wrap}: an int against two longs).
     */
    private TypeName merge(TypeName type4, TypeName type6) {
        if (type4.equals(type6)) {
            return type4;
        }
        if (type4.equals(RuntimeTypes.IPV4_ADDRESS) && type6.equals(RuntimeTypes.IPV6_ADDRESS)) {
            return parameter;
        }
        ClassName view4 = ClassName.get(generic.packageName(), v4.name());
        ClassName view6 = ClassName.get(generic.packageName(), v6.name());
        if (type4.equals(view4) && type6.equals(view6)) {
            return ParameterizedTypeName.get(generic, parameter);
        }
        return null;
    }

    /**
     * Public instance methods that the layout interface does not already declare; and
     * {@code toString}, redeclared for its documentation (every field).
     */
    private static boolean candidate(MethodSpec method) {
        return !method.isConstructor() && method.modifiers().contains(Modifier.PUBLIC)
                && !method.modifiers().contains(Modifier.STATIC)
                && (!overrides(method) || method.name().equals("toString") && method.parameters().isEmpty());
    }

    private static boolean overrides(MethodSpec method) {
        return method.annotations().contains(AnnotationSpec.builder(Override.class).build());
    }
}
