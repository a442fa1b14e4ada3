using System.Runtime.InteropServices;

namespace GptTrainer.Sync;

/// <summary>
/// Where a path really leads, every link (symbolic link, junction) along it followed: so that a sync can tell a
/// link to a file inside its folder from one that would publish a file from elsewhere. netstandard2.0 has no
/// call for it, so it asks the system: realpath(3) on Linux and macOS, GetFinalPathNameByHandle on Windows.
/// </summary>
internal static class RealPath
{
    /// <summary>The final path, or null when there is none to be had (a dangling link, a missing file, no permission).</summary>
    public static string? Of(string path)
    {
        try
        {
            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? FinalPathOnWindows(path) : RealPathOnUnix(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or beneath it; both final paths.</summary>
    public static bool IsWithin(string path, string folder)
    {
        StringComparison comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        string root = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, comparison);
    }

    private static string? RealPathOnUnix(string path)
    {
        // The path goes and comes as UTF-8 bytes, as the file system has them, whatever the runtime's marshalling.
        byte[] bytes = Encoding.UTF8.GetBytes(path + "\0");
        IntPtr resolved = realpath(bytes, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            int length = 0;
            while (Marshal.ReadByte(resolved, length) != 0)
            {
                length++;
            }

            byte[] result = new byte[length];
            Marshal.Copy(resolved, result, 0, length);
            return Encoding.UTF8.GetString(result);
        }
        finally
        {
            free(resolved);
        }
    }

    private static string? FinalPathOnWindows(string path)
    {
        const uint shareAll = 0x1 | 0x2 | 0x4;
        const uint openExisting = 3;
        const uint backupSemantics = 0x02000000; // also opens folders
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = CreateFileW(path, 0, shareAll, IntPtr.Zero, openExisting, backupSemantics, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            return null;
        }

        var buffer = new StringBuilder(1024);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            uint length = GetFinalPathNameByHandleW(handle, buffer, (uint)buffer.Capacity, 0);
            if (length == 0)
            {
                return null;
            }

            if (length < buffer.Capacity)
            {
                string final = buffer.ToString();
                return final.StartsWith(@"\\?\UNC\", StringComparison.Ordinal) ? @"\\" + final.Substring(8)
                    : final.StartsWith(@"\\?\", StringComparison.Ordinal) ? final.Substring(4)
                    : final;
            }

            buffer.Capacity = (int)length + 1;
        }

        return null;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(byte[] path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern Microsoft.Win32.SafeHandles.SafeFileHandle CreateFileW(string name, uint access, uint share, IntPtr security, uint creation, uint flags, IntPtr template);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern uint GetFinalPathNameByHandleW(Microsoft.Win32.SafeHandles.SafeFileHandle handle, StringBuilder path, uint length, uint flags);
}
