package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysts' files are readable as they stand: schema-valid, every element named and drawn, every
 * user task (and start event of a process) bound to a Camunda Form that exists, ids meaningful.
 */
class ModelFilesTests {

    static Stream<Path> processes() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> decisions() throws IOException {
        return files("dmn", ".dmn");
    }

    static Stream<Path> forms() throws IOException {
        return files("forms", ".form");
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyElementOfAProcessIsNamedDrawnAndMeaningfullyIdentified(Path file) {
        var model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        var nodes = model.getModelElementsByType(FlowNode.class);
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));

        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getName()).as(node.getId() + " has a name").isNotBlank();
            assertThat(drawn).as(node.getId() + " is drawn").contains(node.getId());
            assertThat(node.getId()).as("meaningful id").doesNotMatch("(Activity|Gateway|Event)_[0-9a-z]{7}");
        });
        assertThat(model.getModelElementsByType(BaseElement.class))
                .extracting(BaseElement::getId).filteredOn(java.util.Objects::nonNull).doesNotHaveDuplicates();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
                .extracting(p -> kebab(p.getId()) + ".bpmn").containsExactly(file.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyUserTaskAndStartFormUsesAnExistingCamundaForm(Path file) throws IOException {
        var model = Bpmn.readModelFromFile(file.toFile());
        Set<String> formIds = new HashSet<>(forms().map(ModelFilesTests::formId).toList());

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as(task.getName() + " has a form").isNotBlank();
            assertThat(formIds).as(task.getName() + "'s form exists").contains(task.getCamundaFormRef());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        }
        List<StartEvent> formStarts = model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getCamundaFormRef() != null).toList();
        formStarts.forEach(s -> assertThat(formIds).contains(s.getCamundaFormRef()));
    }

    /**
     * Tasklist shows a task's documentation in its Description tab and sorts queues by due date: every
     * user task tells staff what to check and what happens next, and one watched by an SLA timer is due
     * when that timer fires.
     */
    @ParameterizedTest
    @MethodSource("processes")
    void everyUserTaskSaysWhatToDoAndWhenItIsDue(Path file) {
        var model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getDocumentations()).as(task.getName() + " has a description")
                    .anySatisfy(d -> assertThat(d.getTextContent()).hasSizeGreaterThan(40));
            var slaTimers = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task)
                    .flatMap(b -> b.getEventDefinitions().stream())
                    .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).toList();
            assertThat(task.getCamundaDueDate()).as(task.getName() + " has a due date").isNotBlank();
            for (TimerEventDefinition timer : slaTimers) {
                assertThat(task.getCamundaDueDate()).as(task.getName() + " is due when its timer fires")
                        .isEqualTo(timer.getTimeDuration().getTextContent().trim());
            }
        }
    }

    /**
     * A task's line in Tasklist names its subject: its form shows the client (name and account number)
     * or the payment (amount and receipt or bank reference), the variables the queues show as columns.
     * Its priority comes from the {@code taskPriority} decision.
     */
    @ParameterizedTest
    @MethodSource("processes")
    void everyUserTaskNamesItsSubjectAndTakesItsPriorityFromTheDecision(Path file) throws IOException {
        var model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Set<String>> fieldsByForm = new java.util.HashMap<>();
        for (Path form : forms().toList()) {
            fieldsByForm.put(formId(form), fieldKeys(new ObjectMapper().readTree(form.toFile())));
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Set<String> shown = fieldsByForm.getOrDefault(task.getCamundaFormRef(), Set.of());
            assertThat(TaskQueues.SUBJECTS).as(task.getName() + " shows whose task it is (" + shown + ")")
                    .anySatisfy(subject -> assertThat(shown).containsAll(subject));
            assertThat(task.getCamundaPriority()).as(task.getName() + "'s priority")
                    .isEqualTo("${" + TaskPriority.DECISION_KEY + ".of(execution)}");
        }
    }

    private static Set<String> fieldKeys(JsonNode container) {
        Set<String> keys = new HashSet<>();
        for (JsonNode component : container.path("components")) {
            if (component.has("key")) {
                keys.add(component.path("key").asText());
            }
            keys.addAll(fieldKeys(component));
        }
        return keys;
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void decisionsAreValidAndNamed(Path file) {
        var model = Dmn.readModelFromFile(file.toFile());
        Dmn.validateModel(model);
        assertThat(model.getModelElementsByType(Decision.class))
                .isNotEmpty().allSatisfy(d -> assertThat(d.getName()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void formsAreCamundaFormsWithLabelledFields(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("schemaVersion").asInt()).as("form-js of Tasklist 7.24 reads up to 16").isLessThanOrEqualTo(16);
        assertThat(file.getFileName().toString()).isEqualTo(kebab(form.path("id").asText()) + ".form");
        for (JsonNode component : form.path("components")) {
            if (component.has("key")) {
                assertThat(component.path("label").asText()).as(component.path("key").asText() + " label").isNotBlank();
            }
        }
    }

    private static String formId(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile()).path("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Stream<Path> files(String folder, String suffix) throws IOException {
        try (var list = Files.list(Path.of(folder))) {
            return list.filter(f -> f.toString().endsWith(suffix)).sorted().toList().stream();
        }
    }
}
