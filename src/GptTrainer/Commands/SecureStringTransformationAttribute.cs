using System.Security;

namespace GptTrainer.Commands;

/// <summary>Lets -ApiKey take a plain string (from a vault or a variable) as well as a SecureString.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = PowerShellValues.Unwrap(inputData);
        return value switch
        {
            null => null,
            SecureString secure => secure,
            string text => ConnectionResolver.ToSecureString(text),
            // The rejected value is not echoed: it may be the key in some other shape.
            _ => throw new ArgumentTransformationMetadataException($"-ApiKey takes a SecureString or a string, not a {value.GetType().Name}."),
        };
    }
}
