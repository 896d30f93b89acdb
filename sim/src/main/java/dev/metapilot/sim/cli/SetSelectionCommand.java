package dev.metapilot.sim.cli;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.trust.AtomicFile;
import dev.metapilot.agent.trust.DetachedSignature;
import dev.metapilot.agent.trust.Manifest;
import dev.metapilot.agent.trust.Sha256;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.OnnxPolicyReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot set-selection}: states in a policy's metadata ({@code metapilot.action_selection}) how it is meant
 * to act, so that {@code run}, {@code trial}, {@code eval} and {@code bench} use it unless told {@code --greedy} or
 * {@code --sample}. The model is read back and written again by the exporter with only that key changed (the graph
 * stays bitwise the same), atomically; a {@code SHA256SUMS} beside it that lists it is updated, and a signature beside
 * it, which no longer matches, is reported.
 */
@Command(name = "set-selection", mixinStandardHelpOptions = true, description = {
        "State in a policy's metadata whether it acts greedily or by sampling when a command is not told.",
        "Example: ./metapilot set-selection greedy models/tabular-mdp-10.onnx"})
final class SetSelectionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "sample|greedy", description = "How the policy acts by default.")
    private String selection;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "MODEL", description = "Policy files written by `train`.")
    private List<Path> models;

    @Override
    public Integer call() throws IOException {
        ActionSelection chosen = ActionSelection.parse(selection);
        PrintWriter out = spec.commandLine().getOut();
        for (Path model : models) {
            byte[] before = Files.readAllBytes(model);
            OnnxPolicyReader.ExportedPolicy policy;
            try {
                policy = OnnxPolicyReader.parse(before);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot set the action selection of " + model + ": " + e
                        .getMessage(), e);
            }
            byte[] after = OnnxPolicyExporter.bytes(policy.weights(), policy.normalization(), policy.metadata()
                    .withActionSelection(chosen));
            AtomicFile.write(model, after);
            String sha256 = Sha256.hex(after);
            String was = policy.metadata().actionSelection().map(ActionSelection::toString).orElse("not stated");
            out.printf("%s: action selection %s (was %s), sha256 %s -> %s%n", model, chosen, was, Sha256.hex(before),
                    sha256);
            if (Manifest.updateSum(model.toAbsolutePath().getParent(), model.getFileName().toString(), sha256)) {
                out.printf("  updated %s%n", model.resolveSibling(Manifest.FILE_NAME));
            }
            Path signature = DetachedSignature.fileFor(model);
            if (Files.exists(signature)) {
                out.printf("  %s no longer matches the file: sign it again%n", signature);
            }
        }
        out.flush();
        return 0;
    }
}
