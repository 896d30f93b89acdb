package dev.metapilot.sim.eval;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chart of several series against an index (episode, pull), with optional 95% error bars, written as a PNG with
 * XChart. Used by the suites on the main thread after their trials.
 *
 * @param kind how the series are drawn
 * @param title the chart's title
 * @param xTitle the x axis' title
 * @param yTitle the y axis' title
 * @param series the curves, in legend order
 */
record Chart(Kind kind, String title, String xTitle, String yTitle, List<Series> series) {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** How the series are drawn. */
    enum Kind {
        /** Lines over a long index (pulls, episodes of a long trial), no markers past 30 points. */
        LINES,
        /** Grouped bars per index value (a few episodes), error bars in black. */
        BARS,
        /** Lines with markers and error bars over a few index values (an adaptation curve), spread apart a little. */
        CURVE
    }

    /**
     * One curve.
     *
     * @param name legend entry
     * @param x index values (whole numbers)
     * @param y y values, one per x
     * @param error 95% half-widths drawn as error bars, one per x; null for none
     */
    record Series(String name, double[] x, double[] y, double[] error) {

        Series {
            Objects.requireNonNull(name, "name is null");
            if (x.length != y.length || error != null && error.length != x.length) {
                throw new IllegalArgumentException("series " + name + ": x, y and error differ in length");
            }
        }
    }

    Chart {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(title, "title is null");
        series = List.copyOf(series);
    }

    /**
     * Ten colours that stay apart on white (the Tableau 10 palette); XChart's default theme repeats near-equal pinks
     * and yellows by the seventh series, where the suites put the trained policies after the baselines.
     */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    /** About how many pixels of the width the plot area gets. */
    private static final int PLOT_WIDTH = 850;

    /** Writes the chart to {@code file} as a 1000x600 PNG. */
    void writePng(Path file) {
        org.knowm.xchart.internal.chartpart.Chart<?, ?> chart = kind == Kind.BARS ? bars() : lines();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file + ": " + e.getMessage(), e);
        }
    }

    private XYChart lines() {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(
                yTitle).build();
        XYStyler style = chart.getStyler();
        style(style);
        int longest = series.stream().mapToInt(s -> s.x().length).max().orElse(0);
        style.setXAxisDecimalPattern("0");
        if (kind == Kind.CURVE) {
            double span = Math.max(1, longest - 0.5);
            style.setXAxisMin(0.75);
            style.setXAxisMax(longest + 0.25);
            style.setXAxisTickMarkSpacingHint((int) (0.85 * PLOT_WIDTH / span));
        } else if (longest > 30) {
            anchorTicks(chart, longest);
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double[] x = kind == Kind.CURVE ? spread(s.x(), i) : s.x();
            XYSeries xy = s.error() == null
                    ? chart.addSeries(s.name(), x, s.y())
                    : chart.addSeries(s.name(), x, s.y(), s.error());
            if (longest > 30) {
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /**
     * XChart puts a tick at every x value when the x values are equally spaced, which crowds a long index axis; an
     * invisible first series through the two ends, listed last-then-first, makes them look unequally spaced, so XChart
     * chooses round tick values (0, 50, 100, ...) instead.
     */
    private void anchorTicks(XYChart chart, int longest) {
        Series first = series.stream().filter(s -> s.x().length == longest).findFirst().orElseThrow();
        XYSeries anchor = chart.addSeries(" ", new double[]{first.x()[longest - 1], first.x()[0]}, new double[]{
                first.y()[longest - 1], first.y()[0]});
        anchor.setShowInLegend(false);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineStyle(SeriesLines.NONE);
    }

    /** Shifts series {@code i} a little sideways, so that error bars at one index do not hide each other. */
    private double[] spread(double[] x, int i) {
        double shift = 0.04 * (i - (series.size() - 1) / 2.0);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] + shift;
        }
        return out;
    }

    private CategoryChart bars() {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Bar);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        for (Series s : series) {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> error = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                x.add(Long.toString(Math.round(s.x()[i])));
                y.add(s.y()[i]);
                error.add(s.error() == null ? 0 : s.error()[i]);
            }
            chart.addSeries(s.name(), x, y, s.error() == null ? null : error);
        }
        return chart;
    }

    private static void style(AxesChartStyler style) {
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(225, 225, 225));
        style.setLegendPosition(LegendPosition.OutsideS);
        style.setErrorBarsColorSeriesColor(true);
        style.setMarkerSize(7);
        style.setSeriesColors(PALETTE);
    }
}
