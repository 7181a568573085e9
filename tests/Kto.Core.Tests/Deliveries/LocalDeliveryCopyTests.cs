using Kto.Core.Deliveries;
using Kto.TestSupport;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The ingest's local copy of a file: gone when closed, and a copy a killed host left behind goes with the next one.</summary>
public sealed class LocalDeliveryCopyTests
{
    private readonly string folder = TestTemp.Folder("kto-copies-");

    [Fact]
    public void A_copy_is_in_its_folder_while_open_and_gone_when_closed()
    {
        string path;
        using (var copy = LocalDeliveryCopy.Create(folder))
        {
            copy.Write("klantnummer;naam\n"u8);
            path = copy.Name;
            Assert.Equal(folder, Path.GetDirectoryName(path));
            Assert.True(File.Exists(path));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_new_copy_deletes_the_copies_older_than_the_longest_ingest_and_keeps_younger_ones()
    {
        var left = Leftover("left-by-a-killed-host.tmp", LocalDeliveryCopy.MaxAge + TimeSpan.FromMinutes(1));
        var running = Leftover("of-an-ingest-running-now.tmp", TimeSpan.FromMinutes(9));
        var other = Leftover("not-a-copy.txt", TimeSpan.FromDays(2));

        using (LocalDeliveryCopy.Create(folder))
        {
            Assert.False(File.Exists(left));
            Assert.True(File.Exists(running));
            Assert.True(File.Exists(other));
        }
    }

    [Fact]
    public void The_sweep_counts_what_it_deleted_and_a_second_finds_nothing()
    {
        Leftover("a.tmp", TimeSpan.FromHours(2));
        Leftover("b.tmp", TimeSpan.FromDays(3));
        Leftover("c.tmp", TimeSpan.FromMinutes(59));

        Assert.Equal(2, LocalDeliveryCopy.DeleteStale(folder));
        Assert.Equal(0, LocalDeliveryCopy.DeleteStale(folder));
        Assert.Equal(["c.tmp"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void The_hosts_copies_are_in_a_folder_of_their_own_under_the_temp_folder_never_the_temp_folder_itself()
    {
        // The sweep deletes old *.tmp files in that folder: in the temp folder itself it would take other programs' files.
        var temp = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        var folder = Path.TrimEndingDirectorySeparator(LocalDeliveryCopy.DefaultFolder);
        Assert.Equal(temp, Path.GetDirectoryName(folder));
        Assert.NotEqual(temp, folder);
    }

    [Fact]
    public void A_missing_folder_is_made()
    {
        var missing = Path.Combine(folder, "nog-niet");
        using var copy = LocalDeliveryCopy.Create(missing);
        Assert.True(Directory.Exists(missing));
    }

    private string Leftover(string name, TimeSpan age)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "Jansen;j.jansen@example.nl");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }
}
