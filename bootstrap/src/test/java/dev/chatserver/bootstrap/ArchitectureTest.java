package dev.chatserver.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.chatserver.application.im.PostRecorder;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.domain.im.NewMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule, ring by ring: the domain knows only the JDK; the ports know no service; adapters know only
 * ports, the domain and their own libraries, never each other; only the wiring knows Guice. And one posting path:
 * only {@link PostRecorder} stores messages.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // test-jars (the contract suite's) are tests too, though they come as jars after `package`
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.chatserver");

    private static final String[] ADAPTERS = {"inmemory", "jdbc", "http"};

    /** A service package of the application: {@code dev.chatserver.application.<area>}, outside {@code port}. */
    private static final DescribedPredicate<JavaClass> SERVICES = DescribedPredicate.describe(
            "a service package (dev.chatserver.application.<area>, outside port)",
            type -> type.getPackageName().startsWith("dev.chatserver.application.")
                    && !type.getPackageName().startsWith("dev.chatserver.application.port"));

    @Test
    void the_domain_uses_nothing_but_the_jdk() {
        classes().that().resideInAPackage("dev.chatserver.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatserver.domain..", "java..")
                .check(PRODUCTION);
    }

    @Test
    void the_application_uses_only_the_domain_and_jakarta_inject() {
        classes().that().resideInAPackage("dev.chatserver.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.chatserver.application..", "dev.chatserver.domain..", "java..", "jakarta.inject..")
                .check(PRODUCTION);
    }

    @Test
    void ports_never_use_a_service() {
        noClasses().that().resideInAnyPackage("dev.chatserver.application.port.in..", "dev.chatserver.application.port.out..")
                .should().dependOnClassesThat(SERVICES)
                .check(PRODUCTION);
    }

    @Test
    void adapters_use_only_ports_the_domain_and_their_libraries() {
        for (String adapter : ADAPTERS) {
            noClasses().that().resideInAPackage("dev.chatserver.adapter." + adapter + "..")
                    .should().dependOnClassesThat(SERVICES)
                    .check(PRODUCTION);
            noClasses().that().resideInAPackage("dev.chatserver.adapter." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.chatserver.bootstrap..", "com.google.inject..")
                    .check(PRODUCTION);
        }
    }

    @Test
    void adapters_never_know_each_other() {
        for (String adapter : ADAPTERS) {
            for (String other : ADAPTERS) {
                if (!adapter.equals(other)) {
                    noClasses().that().resideInAPackage("dev.chatserver.adapter." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.chatserver.adapter." + other + "..")
                            .check(PRODUCTION);
                }
            }
        }
    }

    @Test
    void only_the_wiring_uses_guice() {
        noClasses().that().resideOutsideOfPackage("dev.chatserver.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(PRODUCTION);
    }

    @Test
    void messages_are_stored_on_one_posting_path() {
        noClasses().that().resideInAPackage("dev.chatserver.application..")
                .and().doNotHaveFullyQualifiedName(PostRecorder.class.getName())
                .should().callMethod(ImMessages.class, "appendAll", List.class)
                .orShould().callMethod(ImMessages.class, "append", NewMessage.class)
                .because("every post, the server's own notices too, is decided by its session (ImSession.postAll)"
                        + " and stored by PostRecorder alone")
                .check(PRODUCTION);
    }
}
