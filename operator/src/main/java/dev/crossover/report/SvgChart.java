package dev.crossover.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A line chart as SVG: two axes with ticks and titles, one polyline per series with a dot per
 * point, optional labelled markers (crossover points) and a horizontal reference line (an SLO).
 * Written through the JDK's StAX writer, so the document is well-formed XML whatever the names
 * (target names are user input). Pure: the same chart gives the same bytes.
 *
 * <p>Structure, for readers and tests: {@code g.axis.x} / {@code g.axis.y} (each with
 * {@code g.tick} children and a {@code text.axis-title}), {@code g.series} with
 * {@code data-name}, {@code g.marker} with {@code data-label}, {@code line.reference}, and
 * {@code g.legend}.
 */
public final class SvgChart {

  public enum Scale { LINEAR, LOG }

  public record Point(double x, double y) {}

  public record Series(String name, List<Point> points) {}

  public record Marker(double x, double y, String label) {}

  /** A category axis is a linear axis whose ticks carry the category names at 0, 1, 2... */
  public record Axis(String title, Scale scale, double min, double max, List<Tick> ticks) {
    public Axis {
      if (!(max > min) || (scale == Scale.LOG && !(min > 0))) {
        throw new IllegalArgumentException("axis " + title + ": bad range [" + min + ", " + max + "]");
      }
    }
  }

  public record Tick(double value, String label) {}

  static final int WIDTH = 920;
  static final int HEIGHT = 440;
  static final int LEFT = 80;
  static final int RIGHT = 320;
  static final int TOP = 40;
  static final int BOTTOM = 60;
  static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf"};

  private SvgChart() {}

  public static String render(String title, Axis x, Axis y, List<Series> series, List<Marker> markers,
      Optional<Tick> reference) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartElement("svg");
      w.writeDefaultNamespace("http://www.w3.org/2000/svg");
      w.writeAttribute("width", Integer.toString(WIDTH));
      w.writeAttribute("height", Integer.toString(HEIGHT));
      w.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
      w.writeAttribute("font-family", "sans-serif");
      w.writeAttribute("font-size", "11");
      element(w, "title", title);
      text(w, "chart-title", WIDTH / 2.0, 22, "middle", title, "14");

      DoubleFunction<Double> px = v -> LEFT + fraction(x, v) * (WIDTH - LEFT - RIGHT);
      DoubleFunction<Double> py = v -> HEIGHT - BOTTOM - fraction(y, v) * (HEIGHT - TOP - BOTTOM);
      axis(w, x, true, px, py);
      axis(w, y, false, px, py);

      if (reference.isPresent() && reference.get().value() >= y.min() && reference.get().value() <= y.max()) {
        double ry = py.apply(reference.get().value());
        w.writeStartElement("line");
        w.writeAttribute("class", "reference");
        attrs(w, "x1", LEFT, "y1", ry, "x2", WIDTH - RIGHT, "y2", ry);
        w.writeAttribute("stroke", "#999");
        w.writeAttribute("stroke-dasharray", "6 4");
        w.writeEndElement();
        text(w, "reference-label", WIDTH - RIGHT - 4, ry - 4, "end", reference.get().label(), null);
      }

      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        String color = COLORS[i % COLORS.length];
        w.writeStartElement("g");
        w.writeAttribute("class", "series");
        w.writeAttribute("data-name", s.name());
        List<String> coords = new ArrayList<>();
        for (Point p : s.points()) {
          if (inRange(x, p.x()) && inRange(y, p.y())) {
            coords.add(num(px.apply(p.x())) + "," + num(py.apply(p.y())));
          }
        }
        w.writeStartElement("polyline");
        w.writeAttribute("points", String.join(" ", coords));
        w.writeAttribute("fill", "none");
        w.writeAttribute("stroke", color);
        w.writeAttribute("stroke-width", "2");
        w.writeEndElement();
        if (s.points().size() <= 50) {
          for (Point p : s.points()) {
            if (inRange(x, p.x()) && inRange(y, p.y())) {
              w.writeStartElement("circle");
              attrs(w, "cx", px.apply(p.x()), "cy", py.apply(p.y()), "r", 3);
              w.writeAttribute("fill", color);
              w.writeEndElement();
            }
          }
        }
        w.writeEndElement();
      }

      // Markers carry a number on the plot (crossovers crowd together) and their text in a list.
      List<Marker> shown = markers.stream().filter(m -> inRange(x, m.x()) && inRange(y, m.y())).toList();
      for (int i = 0; i < shown.size(); i++) {
        Marker m = shown.get(i);
        w.writeStartElement("g");
        w.writeAttribute("class", "marker");
        w.writeAttribute("data-label", m.label());
        element(w, "title", m.label());
        w.writeStartElement("circle");
        attrs(w, "cx", px.apply(m.x()), "cy", py.apply(m.y()), "r", 6);
        w.writeAttribute("fill", "none");
        w.writeAttribute("stroke", "#000");
        w.writeAttribute("stroke-width", "2");
        w.writeEndElement();
        text(w, "marker-label", px.apply(m.x()) - 6, py.apply(m.y()) - 9 - 11 * (i % 2), "end", Integer.toString(i + 1), "10");
        w.writeEndElement();
      }

      w.writeStartElement("g");
      w.writeAttribute("class", "legend");
      for (int i = 0; i < series.size(); i++) {
        double ly = TOP + 14 + i * 18;
        w.writeStartElement("rect");
        attrs(w, "x", WIDTH - RIGHT + 16, "y", ly - 9, "width", 12, "height", 12);
        w.writeAttribute("fill", COLORS[i % COLORS.length]);
        w.writeEndElement();
        text(w, "legend-label", WIDTH - RIGHT + 34, ly + 1, "start", series.get(i).name(), null);
      }
      double listTop = TOP + 14 + series.size() * 18 + 12;
      for (int i = 0; i < shown.size() && listTop + i * 14 < HEIGHT - 8; i++) {
        text(w, "marker-legend", WIDTH - RIGHT + 16, listTop + i * 14, "start", (i + 1) + ". " + shown.get(i).label(), "10");
      }
      w.writeEndElement();

      w.writeEndElement();
      w.writeEndDocument();
      w.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write SVG", e);
    }
  }

  /** Ticks at each power of ten in [min, max]. */
  public static List<Tick> decadeTicks(double min, double max, DoubleFunction<String> label) {
    List<Tick> ticks = new ArrayList<>();
    for (int e = (int) Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
      double v = Math.pow(10, e);
      ticks.add(new Tick(v, label.apply(v)));
    }
    return ticks;
  }

  /** About five ticks at 1, 2 or 5 x 10^k from 0 to max. */
  public static List<Tick> linearTicks(double max, DoubleFunction<String> label) {
    double raw = max / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude
        : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
    List<Tick> ticks = new ArrayList<>();
    for (double v = 0; v <= max + step * 1e-9; v += step) {
      ticks.add(new Tick(v, label.apply(v)));
    }
    return ticks;
  }

  /** The top of a linear axis: the largest value with headroom, rounded up to a tick step. */
  public static double niceMax(double largest) {
    if (!(largest > 0)) {
      return 1;
    }
    List<Tick> ticks = linearTicks(largest * 1.1, v -> "");
    return ticks.getLast().value() >= largest * 1.1 ? ticks.getLast().value()
        : ticks.getLast().value() + (ticks.size() > 1 ? ticks.get(1).value() : largest * 0.1);
  }

  private static void axis(XMLStreamWriter w, Axis a, boolean horizontal, DoubleFunction<Double> px,
      DoubleFunction<Double> py) throws XMLStreamException {
    w.writeStartElement("g");
    w.writeAttribute("class", horizontal ? "axis x" : "axis y");
    w.writeStartElement("line");
    if (horizontal) {
      attrs(w, "x1", LEFT, "y1", HEIGHT - BOTTOM, "x2", WIDTH - RIGHT, "y2", HEIGHT - BOTTOM);
    } else {
      attrs(w, "x1", LEFT, "y1", TOP, "x2", LEFT, "y2", HEIGHT - BOTTOM);
    }
    w.writeAttribute("stroke", "#000");
    w.writeEndElement();
    for (Tick t : a.ticks()) {
      if (!inRange(a, t.value())) {
        continue;
      }
      w.writeStartElement("g");
      w.writeAttribute("class", "tick");
      w.writeAttribute("data-value", num(t.value()));
      w.writeStartElement("line");
      if (horizontal) {
        double x = px.apply(t.value());
        attrs(w, "x1", x, "y1", HEIGHT - BOTTOM, "x2", x, "y2", HEIGHT - BOTTOM + 5);
      } else {
        double y = py.apply(t.value());
        attrs(w, "x1", LEFT - 5, "y1", y, "x2", LEFT, "y2", y);
      }
      w.writeAttribute("stroke", "#000");
      w.writeEndElement();
      if (horizontal) {
        text(w, "tick-label", px.apply(t.value()), HEIGHT - BOTTOM + 18, "middle", t.label(), null);
      } else {
        text(w, "tick-label", LEFT - 8, py.apply(t.value()) + 4, "end", t.label(), null);
      }
      w.writeEndElement();
    }
    if (horizontal) {
      text(w, "axis-title", LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 14, "middle", a.title(), null);
    } else {
      w.writeStartElement("text");
      w.writeAttribute("class", "axis-title");
      w.writeAttribute("text-anchor", "middle");
      w.writeAttribute("transform", "translate(18," + num(TOP + (HEIGHT - TOP - BOTTOM) / 2.0) + ") rotate(-90)");
      w.writeCharacters(a.title());
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private static double fraction(Axis a, double v) {
    return a.scale() == Scale.LOG
        ? (Math.log10(v) - Math.log10(a.min())) / (Math.log10(a.max()) - Math.log10(a.min()))
        : (v - a.min()) / (a.max() - a.min());
  }

  private static boolean inRange(Axis a, double v) {
    return Double.isFinite(v) && v >= a.min() - 1e-9 * Math.abs(a.min()) && v <= a.max() * (1 + 1e-9)
        && (a.scale() == Scale.LINEAR || v > 0);
  }

  private static void text(XMLStreamWriter w, String cls, double x, double y, String anchor, String content, String size)
      throws XMLStreamException {
    w.writeStartElement("text");
    w.writeAttribute("class", cls);
    attrs(w, "x", x, "y", y);
    w.writeAttribute("text-anchor", anchor);
    if (size != null) {
      w.writeAttribute("font-size", size);
    }
    w.writeCharacters(content);
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String content) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(content);
    w.writeEndElement();
  }

  private static void attrs(XMLStreamWriter w, Object... nameValue) throws XMLStreamException {
    for (int i = 0; i < nameValue.length; i += 2) {
      w.writeAttribute((String) nameValue[i], num(((Number) nameValue[i + 1]).doubleValue()));
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
