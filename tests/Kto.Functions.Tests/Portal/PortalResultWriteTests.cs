using System.Text;
using Kto.Functions.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// A page is written from its builder chunk by chunk; the bytes must be the page's UTF-8 exactly, also where a
/// character outside the basic plane (two UTF-16 halves) falls across the boundary between two chunks.
/// </summary>
public sealed class PortalResultWriteTests
{
    [Theory]
    [InlineData("😀")]          // a surrogate pair
    [InlineData("ë")]           // two UTF-8 bytes
    [InlineData("€ 𝄞 ä")]       // three and four bytes, a pair in the middle
    public async Task A_page_in_many_chunks_is_written_as_its_UTF8_exactly(string special)
    {
        // A builder whose first chunk has room for 7 characters and ends right inside the special text's first
        // character; later appends of odd lengths move more chunk boundaries through it.
        var page = new StringBuilder(8).Append("aaaaaaa").Append(special);
        var random = new Random(5);
        for (var i = 0; i < 4_000; i++) page.Append(new string('a', random.Next(1, 40))).Append(special).Append("<p>");
        var first = page.GetChunks().GetEnumerator();
        first.MoveNext();
        Assert.Equal(8, first.Current.Length);
        if (char.IsSurrogate(special[0])) Assert.True(char.IsHighSurrogate(first.Current.Span[^1]), "the first chunk ends inside the pair");

        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await PortalResult.Page(page).ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        var written = ((MemoryStream)context.Response.Body).ToArray();
        Assert.Equal(Encoding.UTF8.GetBytes(page.ToString()), written);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
    }
}
