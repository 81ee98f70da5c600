using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace NewsCorpus.Search;

/// <summary>
/// The index folder read with positioned reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>)
/// into a buffer of each reader's own. Lucene.NET's mapped directory goes through a memory accessor that takes a
/// handle reference on every read, and its mapped pages count in the site's working set; its NIO directory serialises
/// every read of a file behind one lock and seeks. Positioned reads need neither: they go through the page cache.
/// </summary>
/// <param name="bufferSize">Each reader's buffer.</param>
/// <param name="positionsBufferSize">The buffer of a reader of word positions (Lucene's <c>.pos</c> files): a phrase
/// skips from article to article through them, and a larger buffer holds more of the next ones.</param>
internal sealed class PositionedReadDirectory(string folder, int bufferSize, int positionsBufferSize) : FSDirectory(new DirectoryInfo(folder), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        // A merge reads whole files in order: it gets Lucene's buffer for merges (4 KB) when that is larger.
        int size = Math.Max(name.EndsWith(".pos", StringComparison.Ordinal) ? positionsBufferSize : bufferSize, BufferedIndexInput.GetBufferSize(context));
        try { return new Input($"PositionedReadDirectory.Input({path})", handle, size); }
        catch { handle.Dispose(); throw; }
    }

    sealed class Input(string description, SafeFileHandle handle, int bufferSize) : BufferedIndexInput(description, bufferSize)
    {
        readonly long length = RandomAccess.GetLength(handle);
        // Clones share the handle of the input they came from, which alone closes it.
        bool isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            long position = Position;
            if (position + count > length) throw new EndOfStreamException($"read past EOF: {this}");
            while (count > 0)
            {
                int read = RandomAccess.Read(handle, b.AsSpan(offset, count), position);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this}");
                (offset, count, position) = (offset + read, count - read, position + read);
            }
        }

        // Every read says where it reads.
        protected override void SeekInternal(long pos) { }

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone.isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !isClone) handle.Dispose();
        }
    }
}
