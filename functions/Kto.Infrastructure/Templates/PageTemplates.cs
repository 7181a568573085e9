using System.Text;
using Kto.Core.Portal;

namespace Kto.Infrastructure.Templates;

/// <summary>The portal's <see cref="IPageTemplates"/> on the Liquid templates (Scriban) every other template uses too.</summary>
public sealed class PageTemplates(LiquidTemplates templates) : IPageTemplates
{
    public StringBuilder RenderHtml(string name, params object[] models) =>
        templates.RenderToBuilder(name, html: true, TemplateNames.SnakeCase, models);

    public string ReadFile(string name) => File.ReadAllText(Path.Combine(templates.Root, name));
}
