using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitalPartnership.Web.Hosting.Http;

/// <summary>
/// Binds check boxes and other yes/no fields. A value that is neither (RememberMe=maybe) becomes a field error and is not
/// kept as the "attempted value": the check-box tag helper would otherwise throw while showing the form again.
/// </summary>
public sealed class BooleanFieldBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // A check box sends "true" and its hidden "false" companion: the first value is the box.
        var text = values.FirstValue?.Trim();
        bool? value = text?.ToLowerInvariant() switch
        {
            "true" or "on" or "1" or "yes" => true,
            "false" or "off" or "0" or "no" or "" => false,
            _ => null,
        };
        if (value is null)
        {
            bindingContext.ModelState.AddModelError(bindingContext.ModelName,
                $"{bindingContext.ModelMetadata.GetDisplayName()} is a yes-or-no choice; tick the box or leave it empty.");
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value.Value, value.Value ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(value.Value);
        return Task.CompletedTask;
    }
}

/// <summary>Uses <see cref="BooleanFieldBinder"/> for every <c>bool</c> and <c>bool?</c> a page binds.</summary>
public sealed class BooleanFieldBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new BooleanFieldBinder() : null;
}
