package org.passgenau;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A host compiles against the library's public signatures: they name the model, the library's
 * own types and the JDK, never Guava or Jackson, so that the host is free to use other versions of
 * either (or none).
 */
class ApiSignaturesTest {

  /** Libraries a host must not need to compile against the API. */
  private static final List<String> FOREIGN = List.of("com.google.", "com.fasterxml.");

  @Test
  void noPublicSignatureOfTheLibraryNamesGuavaOrJackson() throws ClassNotFoundException {
    Set<String> offending = new TreeSet<>();
    for (JavaClass javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.passgenau")) {
      Class<?> type = Class.forName(javaClass.getName(), false, getClass().getClassLoader());
      if (!isVisible(type)) {
        continue;
      }
      for (String signature : publicSignatures(type)) {
        if (FOREIGN.stream().anyMatch(signature::contains)) {
          offending.add(signature);
        }
      }
    }

    assertThat(offending).as("public signatures naming Guava or Jackson").isEmpty();
  }

  @Test
  void theCheckSeesAGuavaTypeInAPublicSignature() {
    // The check above would pass vacuously if it read no signature.
    assertThat(publicSignatures(Exposing.class))
        .anyMatch(signature -> signature.contains("com.google.common.collect.ImmutableList"));
  }

  /** A public type that a host could reach: public, and public all the way out. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass();
  }

  private static List<String> publicSignatures(Class<?> type) {
    List<String> signatures = new ArrayList<>();
    for (Type supertype : type.getGenericInterfaces()) {
      signatures.add(type.getName() + " implements " + supertype.getTypeName());
    }
    if (type.getGenericSuperclass() != null) {
      signatures.add(type.getName() + " extends " + type.getGenericSuperclass().getTypeName());
    }
    for (Field field : type.getDeclaredFields()) {
      if (visibleMember(field.getModifiers())) {
        signatures.add(type.getName() + "." + field.getName() + ": "
            + field.getGenericType().getTypeName());
      }
    }
    List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
    executables.addAll(List.of(type.getDeclaredConstructors()));
    for (Executable executable : executables) {
      if (!visibleMember(executable.getModifiers()) || executable.isSynthetic()) {
        continue;
      }
      StringBuilder signature = new StringBuilder(type.getName()).append('.')
          .append(executable instanceof Constructor ? "<init>" : executable.getName()).append('(');
      for (Type parameter : executable.getGenericParameterTypes()) {
        signature.append(parameter.getTypeName()).append(' ');
      }
      signature.append(')');
      if (executable instanceof Method method) {
        signature.append(": ").append(method.getGenericReturnType().getTypeName());
      }
      for (Type thrown : executable.getGenericExceptionTypes()) {
        signature.append(" throws ").append(thrown.getTypeName());
      }
      signatures.add(signature.toString());
    }
    return signatures;
  }

  private static boolean visibleMember(int modifiers) {
    // Protected members are visible to a host's subclasses too.
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** A type that breaks the rule, to prove that the check can fail. */
  public static final class Exposing {
    public com.google.common.collect.ImmutableList<String> names() {
      return com.google.common.collect.ImmutableList.of();
    }
  }
}
