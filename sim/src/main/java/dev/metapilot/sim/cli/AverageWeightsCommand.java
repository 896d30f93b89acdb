package dev.metapilot.sim.cli;

import dev.metapilot.agent.trust.AtomicFile;
import dev.metapilot.agent.trust.Sha256;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.OnnxPolicyReader;
import dev.metapilot.sim.export.WeightAverage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot average-weights}: writes the element-wise mean of several exports of one training run
 * ({@link WeightAverage}) as a new policy, atomically. Inputs that are not policies of one network are refused naming
 * the file and the difference; the inputs are never changed.
 */
@Command(name = "average-weights", mixinStandardHelpOptions = true, description = {
        "Average the weights of several exports of one run (stochastic weight averaging) into one policy.",
        "Example: ./metapilot average-weights --out avg.onnx runs/r/snap/eval-1000.onnx runs/r/snap/eval-2000.onnx"})
final class AverageWeightsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "The averaged policy.")
    private Path out;

    @Parameters(arity = "2..*", paramLabel = "MODEL", description = "Policies written by `train` (its exports).")
    private List<Path> models;

    @Override
    public Integer call() throws IOException {
        if (models.stream().anyMatch(m -> m.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))) {
            throw new IllegalArgumentException("--out " + out + " is one of the inputs; write the average elsewhere");
        }
        List<OnnxPolicyReader.ExportedPolicy> policies = new ArrayList<>();
        for (Path model : models) {
            try {
                policies.add(OnnxPolicyReader.read(model));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot average " + model + ": " + e.getMessage(), e);
            }
        }
        OnnxPolicyReader.ExportedPolicy average;
        try {
            average = WeightAverage.of(policies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot average " + models + ": " + e.getMessage(), e);
        }
        byte[] bytes = OnnxPolicyExporter.bytes(average.weights(), average.normalization(), average.metadata());
        AtomicFile.write(out, bytes);
        PrintWriter text = spec.commandLine().getOut();
        text.printf("%s: the mean of %d policies (%d to %d training steps), sha256 %s%n", out, policies.size(),
                policies.stream().mapToLong(p -> p.metadata().trainingSteps()).min().orElseThrow(), average.metadata()
                        .trainingSteps(),
                Sha256.hex(bytes));
        text.flush();
        return 0;
    }
}
