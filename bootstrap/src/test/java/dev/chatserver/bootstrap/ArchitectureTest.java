package dev.chatserver.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.chatserver.application.im.PostRecorder;
import dev.chatserver.application.im.SessionViews;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.domain.im.ImMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rule, ring by ring: the domain knows only the JDK; the ports know no service; adapters know only
 * ports, the domain and their own libraries, never each other; only the wiring knows Guice. And one service per use
 * case, named after it. And one posting path: only {@link PostRecorder} stores messages. And each view is built in
 * one place: {@link MessageViews} makes every message view, {@link SessionViews} every session view (the storages
 * only restore what they built).
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

    /** An outgoing port is what the application needs from outside: nothing inside the application implements one. */
    @Test
    void the_application_implements_no_outgoing_port() {
        noClasses().that(SERVICES)
                .should().implement(JavaClass.Predicates.resideInAPackage("dev.chatserver.application.port.out.."))
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

    /** The library jar carries no logging backend: logback is the runnable server's, configured by its jar alone. */
    @Test
    void only_the_servers_logging_names_logback() {
        noClasses().that().resideOutsideOfPackage("dev.chatserver.bootstrap.logging..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(PRODUCTION);
    }

    /** Guice is how the core is wired inside, never what an embedder sees (ChatModule is the one offer to Guice users). */
    @Test
    void the_embedding_api_names_no_guice_type() {
        DescribedPredicate<JavaClass> guice = JavaClass.Predicates.resideInAPackage("com.google.inject..");
        noCodeUnits().that().areDeclaredInClassesThat().haveNameMatching(
                        "dev\\.chatserver\\.bootstrap\\.(ChatCore|ChatCore\\$Builder|ChatHttp|DomainEventListener)")
                .and().arePublic()
                .should().haveRawReturnType(guice)
                .orShould().haveRawParameterTypes(DescribedPredicate.anyElementThat(guice))
                .check(PRODUCTION);
    }

    /** ChatCore answers every use case ({@link #useCases()}) by an accessor of its own, no service locator. */
    @Test
    void the_core_has_an_accessor_for_every_use_case() {
        Set<String> offered = PRODUCTION.get(ChatCore.class).getMethods().stream()
                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC) && method.getRawParameterTypes().isEmpty())
                .map(method -> method.getRawReturnType().getName()).collect(Collectors.toSet());
        List<String> useCases = useCases().stream().map(JavaClass::getName).toList();
        assertThat(useCases).isNotEmpty();
        assertThat(offered).as("ChatCore's accessors").containsAll(useCases);
    }

    /**
     * One use case, one class named after it, as {@code PostMessageService} implements {@code PostMessage}: a
     * service holds only what its one use case needs, and a reader finds it by the use case's name. What several
     * use cases share is a collaborator of theirs, not a service implementing them all.
     */
    @Test
    void each_use_case_has_one_service_named_after_it() {
        Set<JavaClass> useCases = useCases();
        Map<String, List<String>> servicesByUseCase = new TreeMap<>();
        useCases.forEach(useCase -> servicesByUseCase.put(useCase.getName(), new ArrayList<>()));
        List<String> misnamed = new ArrayList<>();
        for (JavaClass type : PRODUCTION) {
            if (!SERVICES.test(type) || type.isInterface() || type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            List<JavaClass> implemented = type.getAllRawInterfaces().stream().filter(useCases::contains)
                    .sorted(Comparator.comparing(JavaClass::getName)).toList();
            implemented.forEach(useCase -> servicesByUseCase.get(useCase.getName()).add(type.getName()));
            if (!implemented.isEmpty() && (implemented.size() > 1
                    || !type.getSimpleName().equals(implemented.get(0).getSimpleName() + "Service"))) {
                misnamed.add(type.getName() + " implements "
                        + implemented.stream().map(JavaClass::getSimpleName).collect(Collectors.joining(", ")));
            }
        }
        assertThat(misnamed).as("services implementing other than one use case <UseCase>, named <UseCase>Service")
                .isEmpty();
        assertThat(servicesByUseCase).as("the services of each use case").isNotEmpty()
                .allSatisfy((useCase, services) -> assertThat(services).as(useCase).hasSize(1));
    }

    /**
     * The use cases: the top-level {@code port.in} interfaces that no other one hands out or takes (as {@code OpenFeed}
     * hands out a {@code Feed} for a {@code FeedSink}, which are not use cases of their own; a view's nested
     * {@code Components} is not one either).
     */
    private static Set<JavaClass> useCases() {
        List<JavaClass> ports = PRODUCTION.stream().filter(JavaClass::isInterface).filter(JavaClass::isTopLevelClass)
                .filter(type -> type.getPackageName().startsWith("dev.chatserver.application.port.in")).toList();
        Set<JavaClass> handedOrTaken = ports.stream().flatMap(port -> port.getMethods().stream())
                .flatMap(method -> Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream()))
                .collect(Collectors.toSet());
        return ports.stream().filter(port -> !handedOrTaken.contains(port)).collect(Collectors.toSet());
    }

    @Test
    void messages_are_stored_on_one_posting_path() {
        noClasses().that().resideInAPackage("dev.chatserver.application..")
                .and().doNotHaveFullyQualifiedName(PostRecorder.class.getName())
                .should().callMethod(ImMessages.class, "appendAll", List.class)
                .orShould().callMethod(ImMessages.class, "append", ImMessage.class)
                .because("every post, the server's own notices too, is decided by its session (ImSession.postAll)"
                        + " and stored by PostRecorder alone")
                .check(PRODUCTION);
    }

    @Test
    void each_message_view_is_made_by_message_views() {
        noClasses().that().doNotBelongToAnyOf(MessageViews.class, MessageView.class)
                .should().callConstructorWhere(target(owner(belongToAnyOf(MessageView.class))))
                .because("a field added to a message view is filled in one place, which the compiler leads to")
                .check(PRODUCTION);
    }

    @Test
    void each_session_view_is_built_by_session_views() {
        Class<?>[] sessionViews = {SessionView.class, SessionMember.class, MessageSummary.class};
        noClasses().that().doNotBelongToAnyOf(SessionViews.class).and().doNotBelongToAnyOf(sessionViews)
                .should().callConstructorWhere(target(owner(belongToAnyOf(sessionViews))))
                .because("sessions are turned into what members see by SessionViews alone; a storage restores a"
                        + " stored view through the view's own restored(...)")
                .check(PRODUCTION);
    }
}
