package dev.chatserver.bootstrap.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/EMBEDDING.md's host {@code pom.xml}, built the way a host builds it: a fresh Maven project with that pom and
 * the guide's first two samples ({@link CoreInProcess}, {@link HostApp}: the core in-process, then mounted in
 * the host's Javalin app and signed in over HTTP), against this build's jars laid out as a Maven repository, in a
 * local repository of its own (nothing of this build lands in the developer's), then run. It fails when the pom
 * names a version this build does not make, misses a dependency the sample needs to compile or to run, or when the
 * dependencies it brings clash at run time (the Jackson the chat needs, say).
 */
class HostPomIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES =
            List.of("chat-domain", "chat-application", "adapter-inmemory", "adapter-jdbc", "adapter-http", "bootstrap");

    @TempDir
    Path dir;

    @Test
    void the_guides_host_pom_builds_the_guides_sample_and_the_sample_runs() throws Exception {
        String pom = firstXmlBlock(Files.readString(ROOT.resolve("docs/EMBEDDING.md")));
        String version = reactorVersion();
        assertThat(pom).as("the guide's pom depends on the library this build makes")
                .contains("<artifactId>bootstrap</artifactId>\n      <version>" + version + "</version>");

        Path repository = repositoryOfThisBuild(version);
        Path host = Files.createDirectories(dir.resolve("host"));
        Files.writeString(host.resolve("pom.xml"), pom);
        Path sources = Files.createDirectories(host.resolve("src/main/java/org/example"));
        for (String sample : List.of("CoreInProcess", "HostApp")) {
            Files.writeString(sources.resolve(sample + ".java"),
                    Files.readString(ROOT.resolve("bootstrap/src/test/java/dev/chatserver/bootstrap/embedding/" + sample + ".java"))
                            .replace("package dev.chatserver.bootstrap.embedding;", "package org.example;"));
        }
        Files.writeString(sources.resolve("Host.java"), """
                package org.example;

                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                public class Host {
                    public static void main(String[] args) throws Exception {
                        List<Object> heard = new CopyOnWriteArrayList<>();
                        try (var chat = CoreInProcess.inMemory(heard::add)) {
                            var history = CoreInProcess.lynxGreetsOcelot(chat);
                            System.out.println("history " + history.size() + " " + history.get(0).message()
                                    + ", heard " + heard.size());
                            var app = HostApp.create(chat).start(0);
                            try {
                                var signIn = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                                        + "/chat/web/session/authenticate")).POST(HttpRequest.BodyPublishers.ofString(
                                        ("{'jsonrpc':'2.0','method':'call','id':1,"
                                                + "'params':{'login':'lynx','password':'lynx-password'}}").replace('\\'', '"'))).build();
                                System.out.println("mounted: " + HttpClient.newHttpClient()
                                        .send(signIn, HttpResponse.BodyHandlers.ofString()).body());
                            } finally {
                                app.stop();
                            }
                        }
                    }
                }
                """);
        Path settings = settings(repository);

        run(host, "mvn", "-B", "-q", "-s", settings.toString(), "package");
        Path classpath = host.resolve("classpath.txt");
        run(host, "mvn", "-B", "-q", "-s", settings.toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=" + classpath, "-Dmdep.includeScope=runtime");
        String output = run(host, Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                host.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(classpath).trim(),
                "org.example.Host");

        assertThat(output).contains("history 1 Hello, Ocelot, heard 1")
                .contains("mounted: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"uid\":");
    }

    private static String firstXmlBlock(String guide) {
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(block.find()).as("docs/EMBEDDING.md holds a host pom.xml").isTrue();
        return block.group(1);
    }

    private static String reactorVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>chat-server</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    /** The parent pom and each module's pom and jar, where a remote Maven repository keeps them. */
    private Path repositoryOfThisBuild(String version) throws IOException {
        Path repository = dir.resolve("repository");
        publish(repository, "chat-server", version, ROOT.resolve("pom.xml"), null);
        for (String module : MODULES) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(jar).as("packaged before the integration tests").exists();
            publish(repository, module, version, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
        return repository;
    }

    private static void publish(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("dev/chatserver").resolve(artifact).resolve(version));
        Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"));
        }
    }

    /**
     * A local repository of the host's own; this build's jars from {@code repository}; everything else from the
     * developer's local repository read as a remote one (no download when it is there), then Maven Central.
     */
    private Path settings(Path repository) throws IOException {
        String cache = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repositories = """
                <repository><id>this-build</id><url>%s</url><snapshots><enabled>true</enabled></snapshots></repository>
                <repository><id>developer-cache</id><url>%s</url></repository>
                """.formatted(repository.toUri(), cache);
        return Files.writeString(dir.resolve("settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles><profile><id>host</id>
                    <repositories>%s</repositories>
                    <pluginRepositories>%s</pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>host</activeProfile></activeProfiles>
                </settings>
                """.formatted(dir.resolve("local"), repositories,
                repositories.replace("repository>", "pluginRepository>")));
    }

    private String run(Path workingDirectory, String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended && process.exitValue() == 0).as("%s ends well; it printed:%n%s", String.join(" ", command), output)
                .isTrue();
        return output;
    }
}
