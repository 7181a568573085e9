using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fieldwork;

public sealed class MailRunIdsTests
{
    [Fact]
    public void A_run_id_carries_its_job_and_start_time()
    {
        var started = new DateTimeOffset(2026, 11, 24, 9, 0, 1, 234, TimeSpan.Zero);
        var id = MailRunIds.New(MailJob.SendReminders, started);

        Assert.StartsWith("send-reminders-20261124T090001234Z-", id);
        Assert.True(MailRunIds.TryReadStart(id, out var read));
        Assert.Equal(started, read);
        Assert.NotEqual(id, MailRunIds.New(MailJob.SendReminders, started));
    }

    [Theory]
    [InlineData("report-2026-all")]
    [InlineData("send-invitations-20261124T090001234Z")]
    [InlineData("purge-expired-20261124T090001234Z-0a1b2c3d")]
    [InlineData("send-invitations-2026-11-24-0a1b2c3d")]
    [InlineData("send-invitations-20261124T090001234Z-0A1B2C3D")]
    [InlineData("send-invitations-20261324T090001234Z-0a1b2c3d")] // month 13
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_run_id(string? id) => Assert.False(MailRunIds.TryReadStart(id, out _));
}
