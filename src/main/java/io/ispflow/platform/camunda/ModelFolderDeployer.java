package io.ispflow.platform.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Deploys the top-level {@code processes/}, {@code dmn/} and {@code forms/} folders at start-up.
 *
 * <p>Each BPMN file is one deployment together with the Camunda Forms it references, so forms bound
 * with {@code camunda:formRefBinding="deployment"} always travel with their process. Each DMN file is a
 * deployment of its own. Deployments are named after the file's relative path and filtered for
 * duplicates: an unchanged bundle creates nothing; a bundle in which any file changed becomes a new
 * version. Resource names are relative paths, so every machine computes the same names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelFolderDeployer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelFolderDeployer.class);
    static final String SOURCE = "ispflow-model-folders";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private final RepositoryService repositoryService;
    private final ModelFolders folders;
    private final ObjectMapper json = new ObjectMapper();

    ModelFolderDeployer(RepositoryService repositoryService, ModelFolders folders) {
        this.repositoryService = repositoryService;
        this.folders = folders;
    }

    @Override
    public void run(ApplicationArguments args) {
        deployAll();
    }

    /** Deploys every bundle whose content changed; returns the deployments that were created. */
    public List<Deployment> deployAll() {
        Map<String, ModelFile> formsById = readForms();
        Set<String> referencedForms = new LinkedHashSet<>();
        List<Deployment> created = new ArrayList<>();
        List<ModelFile> processFiles = list(folders.processesDir(), ".bpmn");
        List<ModelFile> decisionFiles = list(folders.decisionsDir(), ".dmn");
        log.info("Deploying models from {}: {} processes, {} decisions, {} forms",
                folders.baseDir().toAbsolutePath().normalize(), processFiles.size(), decisionFiles.size(),
                formsById.size());

        for (ModelFile process : processFiles) {
            List<ModelFile> bundle = new ArrayList<>(List.of(process));
            for (String formId : formRefs(process)) {
                ModelFile form = formsById.get(formId);
                if (form == null) {
                    throw new IllegalStateException(process.name() + " references form '" + formId
                            + "', which no file in " + folders.formsDir() + " defines");
                }
                bundle.add(form);
                referencedForms.add(formId);
            }
            deploy(process.name(), bundle).ifPresent(created::add);
        }
        for (ModelFile decision : decisionFiles) {
            deploy(decision.name(), List.of(decision)).ifPresent(created::add);
        }
        formsById.forEach((id, form) -> {
            if (!referencedForms.contains(id)) {
                deploy(form.name(), List.of(form)).ifPresent(created::add);
            }
        });
        return created;
    }

    private Optional<Deployment> deploy(String name, List<ModelFile> resources) {
        long before = repositoryService.createDeploymentQuery().deploymentName(name).count();
        var builder = repositoryService.createDeployment()
                .name(name)
                .source(SOURCE)
                // false: if one file of the bundle changed, the whole bundle becomes a new version
                .enableDuplicateFiltering(false);
        resources.forEach(r -> builder.addString(r.name(), r.content()));
        Deployment deployment = builder.deploy();
        if (repositoryService.createDeploymentQuery().deploymentName(name).count() == before) {
            return Optional.empty();
        }
        log.info("Deployed {} ({} resources) as deployment {}", name, resources.size(), deployment.getId());
        return Optional.of(deployment);
    }

    private Map<String, ModelFile> readForms() {
        Map<String, ModelFile> byId = new LinkedHashMap<>();
        for (ModelFile form : list(folders.formsDir(), ".form")) {
            try {
                String id = json.readTree(form.content()).path("id").asText();
                if (id.isBlank()) {
                    throw new IllegalStateException(form.name() + " has no form id");
                }
                ModelFile clash = byId.put(id, form);
                if (clash != null) {
                    throw new IllegalStateException("form id '" + id + "' is defined by both " + clash.name()
                            + " and " + form.name());
                }
            } catch (IOException e) {
                throw new IllegalStateException(form.name() + " is not a valid Camunda Form (JSON)", e);
            }
        }
        return byId;
    }

    private List<String> formRefs(ModelFile process) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(process.content().getBytes(StandardCharsets.UTF_8)));
            Set<String> refs = new LinkedHashSet<>();
            var all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                String ref = ((Element) all.item(i)).getAttributeNS(CAMUNDA_NS, "formRef");
                if (!ref.isBlank() && !ref.startsWith("$")) {
                    refs.add(ref);
                }
            }
            return List.copyOf(refs);
        } catch (Exception e) {
            throw new IllegalStateException(process.name() + " is not a readable BPMN file", e);
        }
    }

    private List<ModelFile> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path base = folders.baseDir().toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(dir.toAbsolutePath().normalize())) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .map(f -> new ModelFile(base.relativize(f).toString().replace('\\', '/'), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ModelFile(String name, String content) {
    }
}
