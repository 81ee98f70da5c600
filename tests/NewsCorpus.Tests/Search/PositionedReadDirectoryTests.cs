using Lucene.Net.Store;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

public sealed class PositionedReadDirectoryTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "newscorpus-pread-" + Guid.NewGuid().ToString("N"));
    readonly byte[] content = new byte[10_000];

    public PositionedReadDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(folder);
        new Random(3).NextBytes(content);
        File.WriteAllBytes(Path.Combine(folder, "data.bin"), content);
        File.WriteAllBytes(Path.Combine(folder, "_0_Lucene41_0.pos"), content);
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    // A buffer far smaller than the file: every read below crosses buffer ends.
    PositionedReadDirectory Open() => new(folder, bufferSize: 64, positionsBufferSize: 128);

    [Theory]
    [InlineData("data.bin")]
    [InlineData("_0_Lucene41_0.pos")]   // positions: a buffer of another size
    public void Bytes_read_anywhere_in_any_size_are_the_files_bytes(string name)
    {
        using var directory = Open();
        using var input = directory.OpenInput(name, IOContext.READ);
        Assert.Equal(content.Length, input.Length);
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            int start = random.Next(content.Length), count = random.Next(Math.Min(300, content.Length - start) + 1);
            input.Seek(start);
            var read = new byte[count];
            if (i % 2 == 0) input.ReadBytes(read, 0, count);
            else for (int b = 0; b < count; b++) read[b] = input.ReadByte();
            Assert.Equal(content.AsSpan(start, count).ToArray(), read);
            Assert.Equal(start + count, input.Position);
        }
    }

    [Fact]
    public void A_clone_reads_on_its_own_and_another_thread_at_once_and_outlives_nothing()
    {
        using var directory = Open();
        var input = directory.OpenInput("data.bin", IOContext.READ);
        input.Seek(100);
        var clones = Enumerable.Range(0, 4).Select(_ => (IndexInput)input.Clone()).ToList();
        // Each clone starts where the input was, then goes its own way, the four on four threads.
        Parallel.For(0, clones.Count, i =>
        {
            var clone = clones[i];
            Assert.Equal(100, clone.Position);
            for (int pass = 0; pass < 50; pass++)
            {
                int start = (i * 997 + pass * 131) % (content.Length - 500);
                clone.Seek(start);
                var read = new byte[500];
                clone.ReadBytes(read, 0, read.Length);
                Assert.Equal(content.AsSpan(start, 500).ToArray(), read);
            }
        });
        Assert.Equal(content[100], input.ReadByte());
        // Disposing a clone leaves the file open for the input; disposing the input closes it.
        clones[0].Dispose();
        Assert.Equal(content[101], input.ReadByte());
        input.Dispose();
        Assert.ThrowsAny<ObjectDisposedException>(() => { clones[1].Seek(5_000); clones[1].ReadByte(); });
    }

    [Fact]
    public void Reading_past_the_end_throws_end_of_stream()
    {
        using var directory = Open();
        using var input = directory.OpenInput("data.bin", IOContext.READ);
        input.Seek(content.Length - 10);
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[20], 0, 20));
        input.Seek(content.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        using var directory = Open();
        Assert.ThrowsAny<FileNotFoundException>(() => directory.OpenInput("absent.bin", IOContext.READ));
    }
}
