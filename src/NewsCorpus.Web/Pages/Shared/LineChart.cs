using System.Globalization;
using NewsCorpus.Articles;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>Coordinates for a server-side SVG line chart: one line per series over the same months.</summary>
public sealed record LineChart(int Width, int Height, IReadOnlyList<LineChart.Line> Lines, IReadOnlyList<LineChart.Tick> XTicks, IReadOnlyList<LineChart.Tick> YTicks)
{
    public const int Left = 56, Right = 16, Top = 12, Bottom = 32;

    public sealed record Point(double X, double Y, YearMonth Month, string Label, string Link);
    /// <param name="Points">The points drawn; a value that is not a number (a share over too few articles) has none.</param>
    public sealed record Line(int Index, string Name, IReadOnlyList<Point> Points)
    {
        public string Polyline => string.Join(" ", Points.Select(p => F(p.X) + "," + F(p.Y)));

        /// <summary>The line in pieces: it breaks where a month has no point rather than joining across it.</summary>
        public IReadOnlyList<string> Polylines { get; init; } = [];
    }
    public sealed record Tick(double Position, string Label);

    public static LineChart Create(IReadOnlyList<YearMonth> months, IReadOnlyList<(string Name, IReadOnlyList<double> Values, Func<int, string> Label, Func<int, string> Link)> series,
        Func<double, string> format, int width = 760, int height = 280)
    {
        double max = series.SelectMany(s => s.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        double plotWidth = width - Left - Right, plotHeight = height - Top - Bottom;
        double X(int i) => Left + (months.Count <= 1 ? plotWidth / 2 : i * plotWidth / (months.Count - 1));
        double Y(double v) => Top + plotHeight - v / max * plotHeight;

        var lines = series.Select((s, index) =>
        {
            var points = s.Values.Select((v, i) => double.IsNaN(v) ? null : new Point(X(i), Y(v), months[i], s.Label(i), s.Link(i))).ToList();
            var pieces = new List<string>();
            var piece = new List<Point>();
            foreach (var point in points.Append(null))
            {
                if (point is not null) { piece.Add(point); continue; }
                if (piece.Count > 0) pieces.Add(string.Join(" ", piece.Select(p => F(p.X) + "," + F(p.Y))));
                piece.Clear();
            }
            return new Line(index, s.Name, points.OfType<Point>().ToList()) { Polylines = pieces };
        }).ToList();
        int every = Math.Max(1, (int)Math.Ceiling(months.Count / 12.0));
        var xTicks = months.Select((m, i) => (m, i)).Where(t => t.i % every == 0)
            .Select(t => new Tick(X(t.i), months.Count > 24 ? t.m.ToString() : Display.Month(t.m))).ToList();
        var yTicks = Enumerable.Range(0, 5).Select(k => new Tick(Y(max * k / 4), format(max * k / 4))).ToList();
        return new LineChart(width, height, lines, xTicks, yTicks);
    }

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
