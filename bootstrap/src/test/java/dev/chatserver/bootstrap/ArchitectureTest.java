package dev.chatserver.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rule: the core knows nothing of its adapters, and adapters know nothing of each other. */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // test-jars (the contract suite's) are tests too, though they come as jars after `package`
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.chatserver");

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
                        "dev.chatserver.application..", "dev.chatserver.domain..", "java..", "javax.crypto..",
                        "jakarta.inject..")
                .check(PRODUCTION);
    }

    @Test
    void adapters_never_know_each_other_nor_the_wiring() {
        String[] adapters = {"inmemory", "jdbc", "http"};
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!adapter.equals(other)) {
                    noClasses().that().resideInAPackage("dev.chatserver.adapter." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.chatserver.adapter." + other + "..")
                            .check(PRODUCTION);
                }
            }
            noClasses().that().resideInAPackage("dev.chatserver.adapter." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.chatserver.bootstrap..", "com.google.inject..")
                    .check(PRODUCTION);
        }
    }

    @Test
    void only_the_wiring_uses_guice() {
        noClasses().that().resideOutsideOfPackage("dev.chatserver.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(PRODUCTION);
    }
}
